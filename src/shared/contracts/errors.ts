import { z } from 'zod';

/** One thing wrong with the input: the field (or line and column of a file), what is wrong. */
export const InputIssue = z.looseObject({
  field: z.string().optional(),
  path: z.string().optional(),
  code: z.string().optional(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  /** for a screen to say it in the user's language: the limit broken, the kind of value (string, number, array), the expected type or format, the allowed values, whether the value was missing */
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  origin: z.string().optional(),
  expected: z.string().optional(),
  format: z.string().optional(),
  values: z.array(z.unknown()).optional(),
  missing: z.boolean().optional(),
});
export type InputIssue = z.infer<typeof InputIssue>;

/**
 * What an error may say beyond its code and message, by case: the fields refused (INVALID_INPUT), the current
 * record of a stale write and who changed it last, when (CONFLICT), how long to wait (RATE_LIMITED), why a password is refused (zxcvbn's keys).
 */
export const ErrorDetails = z.looseObject({
  target: z.string().optional(),
  issues: z.array(InputIssue).optional(),
  field: z.string().optional(),
  currentVersion: z.number().int().optional(),
  /** on a stale write: who made the change the writer missed, and when (from the audit trail; for an allocation, which has no version, from its own audit rows) */
  changedBy: z.string().optional(),
  changedAt: z.string().optional(),
  current: z.unknown().optional(),
  retryAfterSeconds: z.number().optional(),
  reason: z.string().optional(),
  warning: z.string().nullable().optional(),
  suggestions: z.array(z.string()).optional(),
});
export type ErrorDetails = z.infer<typeof ErrorDetails>;

export const ERROR_CODES = ['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED', 'INTERNAL', 'UNAVAILABLE'] as const;

/** Every error answer: `{ error: { code, message, details, requestId } }`. */
export const ErrorBody = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: ErrorDetails.optional(), requestId: z.string().optional() }),
});

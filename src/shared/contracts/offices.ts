import { z } from 'zod';
import { OFFICE_TYPES } from '../office-types.ts';
import { partialUpdate } from './partial-update.ts';

const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

/** What a client sends to create an office. Unknown fields are refused. */
export const OfficeCreate = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]*$/, 'letters, digits and . _ / - only, starting with a letter or digit'),
  name: z.string().trim().min(1).max(200),
  officeType: z.enum(OFFICE_TYPES),
  parentId: z.uuid().nullable(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as KE')
    .nullable()
    .optional(),
  city: nullableText(100),
  email: z
    .email()
    .max(254)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
});
export type OfficeCreate = z.infer<typeof OfficeCreate>;

/** What a client sends to change an office: any fields, plus the version it read (optimistic concurrency). */
export const OfficeUpdate = partialUpdate(OfficeCreate).extend({ version: z.number().int().positive() });
export type OfficeUpdate = z.infer<typeof OfficeUpdate>;

export const Office = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  officeType: z.enum(OFFICE_TYPES),
  parentId: z.uuid().nullable(),
  countryCode: z.string().nullable(),
  city: z.string().nullable(),
  email: z.string().nullable(),
  isSynthetic: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Office = z.infer<typeof Office>;

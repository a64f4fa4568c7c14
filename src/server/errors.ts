/** The one error vocabulary of the API. Every failure a client sees is an AppError rendered by `renderError`. */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string, id?: string) => new AppError('NOT_FOUND', id ? `${what} ${id} was not found` : `${what} was not found`);

/** Database error codes (SQLSTATE) that mean "the client asked for something impossible", mapped in this one place. */
const SQLSTATE: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: 'CONFLICT', message: 'A record with the same unique value already exists' },
  '23503': { code: 'INVALID_INPUT', message: 'The record refers to something that does not exist, or is still referred to' },
  '23514': { code: 'INVALID_INPUT', message: 'A value breaks a rule of the data' },
  '23502': { code: 'INVALID_INPUT', message: 'A required value is missing' },
  '22001': { code: 'INVALID_INPUT', message: 'A value is too long' },
  '22P02': { code: 'INVALID_INPUT', message: 'A value has the wrong format' },
  '22007': { code: 'INVALID_INPUT', message: 'A date has the wrong format' },
  '22008': { code: 'INVALID_INPUT', message: 'A date is out of range' },
  '22021': { code: 'INVALID_INPUT', message: 'A text holds a character that cannot be stored (such as NUL)' },
  '22P05': { code: 'INVALID_INPUT', message: 'A text holds a character that cannot be stored (such as NUL)' },
};

/** Turns any thrown value into an AppError; `null` when it is an unexpected failure (to be logged as INTERNAL). */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    const mapped = SQLSTATE[err.code];
    if (mapped) {
      const e = err as { constraint?: string; column?: string; detail?: string };
      return new AppError(mapped.code, mapped.message, { constraint: e.constraint, column: e.column });
    }
  }
  return null;
}

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

/** Seconds a client is told to wait (Retry-After) when the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 5;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * The database cannot be reached or is not taking work: a network failure, SQLSTATE class 08 (connection
 * exception), 57P01–57P03 (shut down, crashed, starting), 53300 (too many connections), or node-postgres'
 * own connect timeout and dropped connection. The client may try again: 503, not 500.
 */
function isUnavailable(err: { code?: unknown; message?: unknown }): boolean {
  const code = typeof err.code === 'string' ? err.code : '';
  if (NETWORK_CODES.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  return typeof err.message === 'string' && /timeout exceeded when trying to connect|Connection terminated/i.test(err.message);
}

/** Turns any thrown value into an AppError; `null` when it is an unexpected failure (to be logged as INTERNAL). */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err && typeof err === 'object' && isUnavailable(err as { code?: unknown; message?: unknown })) {
    return new AppError('UNAVAILABLE', 'The database cannot be reached just now; try again in a moment', { retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    const mapped = SQLSTATE[err.code];
    if (mapped) {
      const e = err as { constraint?: string; column?: string; detail?: string };
      return new AppError(mapped.code, mapped.message, { constraint: e.constraint, column: e.column });
    }
  }
  return null;
}

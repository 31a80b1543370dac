import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';

/** Stable error codes of the API (DESIGN.md §7). */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  /** Adding to the next 1:1 when there is no active series with that person. */
  no_one_on_one: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorDetail = { path?: string; message: string; [k: string]: unknown };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown[],
    /** Further fields of the error object for the endpoints that document them (an import's report). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

export const notFound = (what = 'Record') => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
export const conflict = (message: string, details?: unknown[]) => new AppError('conflict', message, details);
export const validationFailed = (message: string, details: ErrorDetail[]) =>
  new AppError('validation_failed', message, details);

export function zodDetails(error: ZodError, prefix: (string | number)[] = []): ErrorDetail[] {
  return error.issues.map((i) => {
    const p = [...prefix, ...i.path.map((x) => (typeof x === 'symbol' ? String(x) : x))].join('.');
    const keys = i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys : undefined;
    return {
      path: keys ? [p, ...keys].filter(Boolean).join('.') || p : p,
      code: i.code,
      message: keys ? `Unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}` : i.message,
    };
  });
}

export function errorBody(code: ErrorCode, message: string, details?: unknown[], extra?: Record<string, unknown>) {
  return { error: { ...extra, code, message, ...(details && details.length ? { details } : {}) } };
}

export function errorResponse(c: Context, err: AppError) {
  const retry = (err.details?.[0] as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (err.code === 'rate_limited' && retry) c.header('Retry-After', String(retry));
  return c.json(errorBody(err.code, err.message, err.details, err.extra), err.status);
}

/** The SQLSTATE of a database error (drizzle wraps the driver's error as its cause). */
export function databaseCode(err: unknown): string | undefined {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * PostgreSQL data exceptions that mean "this value cannot be stored or compared": too long, out
 * of range, a date PostgreSQL has no such day for, bytes that are not text. The value came from
 * the request, which the schemas should have refused; as a last line of defence it answers 400
 * rather than 500, and app.ts logs a warning so the missing bound gets fixed. Other data
 * exceptions (division by zero, say) are the server's own mistakes and stay 500.
 */
export const refusedValueCodes = new Set(['22001', '22003', '22007', '22008', '22009', '22021', '22P02', '22P05']);

/** Postgres unique violations become 409 wherever a service did not anticipate them. */
function fromDatabaseError(err: unknown): AppError | undefined {
  const code = databaseCode(err);
  if (code === '23505') return conflict('A record with these values already exists');
  if (code === '23503') return new AppError('unprocessable', 'A referenced record does not exist');
  if (code && refusedValueCodes.has(code)) {
    return validationFailed('The request is not valid', [{ message: 'A value is too long, out of range or not valid for its field' }]);
  }
  return undefined;
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationFailed('The request is not valid', zodDetails(err));
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('payload_too_large', 'The request body is too large');
    if (err.status === 401) return new AppError('unauthenticated', 'Sign in first');
    if (err.status === 400) return new AppError('bad_request', err.message || 'Bad request');
    return new AppError(err.status >= 500 ? 'internal' : 'bad_request', err.message);
  }
  if (err instanceof SyntaxError) return new AppError('bad_request', 'The request body is not valid JSON');
  return fromDatabaseError(err) ?? new AppError('internal', 'Something went wrong on our side');
}

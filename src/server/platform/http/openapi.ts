import { z } from '@hono/zod-openapi';
import { AppError, type ErrorCode, errorStatus } from './errors.ts';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.array(z.any()).optional(),
    }),
  })
  .openapi('Error');

const descriptions: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflicts with existing data',
  payload_too_large: 'Body too large',
  unprocessable: 'Cannot be processed',
  rate_limited: 'Too many requests',
};

/** OpenAPI response entries for the error statuses a route can answer with. */
export function errorResponses(...codes: ErrorCode[]) {
  const out: Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }> = {};
  for (const code of ['unauthenticated', ...codes] as ErrorCode[]) {
    out[errorStatus[code]] = {
      description: descriptions[code] ?? code,
      content: { 'application/json': { schema: ErrorSchema } },
    };
  }
  return out;
}

export const jsonContent = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** The largest value of PostgreSQL's `integer`: zod's `.int()` goes on to 2^53. */
export const INT_MAX = 2_147_483_647;

/**
 * The dates PostgreSQL reads back as they were written: years 1 to 9999. JavaScript's dates reach
 * 275,760 years either side and have a year 0, which PostgreSQL refuses.
 */
export const EARLIEST_DATE = new Date('0001-01-01T00:00:00.000Z');
export const LATEST_DATE = new Date('9999-12-31T23:59:59.999Z');
export const isStorableDate = (d: Date) => d.getTime() >= EARLIEST_DATE.getTime() && d.getTime() <= LATEST_DATE.getTime();

/** An ISO 8601 date and time with its offset, at an instant between the years 1 and 9999. */
export const IsoDateTime = (message = 'Use an ISO date and time, e.g. 2026-12-31T17:00:00Z') =>
  z.iso.datetime({ offset: true, message }).refine((s) => isStorableDate(new Date(s)), 'Use a date between the years 1 and 9999');

export const IdParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).optional(),
  cursor: z.string().max(500).optional(),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * One keyset page from a query that fetched `limit + 1` rows: the first `limit`, and the cursor
 * of the last of them (`keyOf`, the values its `afterKey`/`beforeKey` compares) when more follow.
 */
export function keysetPage<T>(rows: readonly T[], limit: number, keyOf: (last: T) => unknown): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

export function decodeCursor<T>(cursor: string | undefined, shape: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation_failed', 'The cursor is not valid', [
      { path: 'cursor', message: 'Use the nextCursor of a previous page' },
    ]);
  }
}

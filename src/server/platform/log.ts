import pino, { type DestinationStream } from 'pino';

/** The SQLSTATE of a database error: five digits or capitals. */
const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_SQL = 4000;

type SafeError = {
  type: string;
  message: string;
  code?: string;
  query?: string;
  routine?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: SafeError;
};

const isDatabaseError = (e: Record<string, unknown>) =>
  'query' in e || 'params' in e || (typeof e.code === 'string' && SQLSTATE.test(e.code) && 'severity' in e);

/**
 * What an error log may carry: its type, code, the parameterised SQL and the stack frames.
 * Database errors hold the query's parameters (emails, names, token hashes) in `.params`, in
 * the message and in the stack's first lines, and PostgreSQL's own messages quote the value
 * they refused; so the fields are chosen, not filtered, and quoted text in a database message is
 * masked. Applied as the logger's serializer, every `log.error({ err })` goes through it.
 */
export function safeError(err: unknown, depth = 0): SafeError {
  if (!err || typeof err !== 'object') return { type: typeof err, message: 'A non-error value was thrown' };
  const e = err as Record<string, unknown>;
  const type = String((e.constructor as { name?: string } | undefined)?.name ?? e.name ?? 'Error');
  const db = isDatabaseError(e);
  const raw = typeof e.message === 'string' ? e.message : '';
  const sqlState = typeof e.code === 'string' && SQLSTATE.test(e.code);
  const message = !db
    ? raw.slice(0, 1000)
    : sqlState
      ? raw.replace(/"(?:[^"]|"")*"/g, '"…"').replace(/'(?:[^']|'')*'/g, "'…'").slice(0, 1000)
      : 'Failed query';
  const out: SafeError = { type, message };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = String(e.code);
  if (db) {
    if (typeof e.query === 'string') out.query = e.query.slice(0, MAX_SQL);
    for (const k of ['routine', 'constraint', 'table', 'column'] as const) {
      if (typeof e[k] === 'string') out[k] = e[k];
    }
  }
  if (typeof e.stack === 'string') {
    // The first lines repeat the message (with the parameters); the frames are what a reader needs.
    const frames = e.stack.split('\n').filter((l) => /^\s+at /.test(l));
    out.stack = [`${type}: ${message}`, ...frames].join('\n');
  }
  if (e.cause !== undefined && depth < 4) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** An Error holding only what `safeError` keeps, for code that stores or rethrows what it caught. */
export function redactedError(err: unknown): Error {
  const safe = safeError(err);
  const cause = safe.cause && [safe.cause.code, safe.cause.message].filter(Boolean).join(' ');
  const out = new Error([safe.message, safe.query, cause].filter(Boolean).join(': '));
  out.name = safe.type;
  out.stack = safe.stack ?? `${safe.type}: ${safe.message}`;
  return Object.assign(out, safe.code ? { code: safe.code } : {});
}

export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
      level,
      base: { service: 'tandem' },
      serializers: { err: safeError, error: safeError },
      redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.passwordHash'],
    },
    destination,
  );
}

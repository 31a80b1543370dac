import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { AppError, type ErrorDetail, validationFailed } from './errors.ts';
import type { AppEnv } from './types.ts';

// C0 controls except tab, newline and carriage return; DEL; and UTF-16 halves without their pair.
// PostgreSQL refuses U+0000 in text and JSON; the others have no place in names, emails or
// rich text, and a lone surrogate is not Unicode at all (it would be stored as U+FFFD).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper JSON than any request of the API needs; deeper still would exhaust the validators' stack. */
export const MAX_JSON_DEPTH = 64;
const MAX_DETAILS = 20;

/** Why a string may not enter Tandem, or undefined when it may. */
export function unsafeText(s: string): string | undefined {
  const control = CONTROL.exec(s);
  if (control) return `Contains the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (LONE_SURROGATE.test(s)) return 'Contains a lone surrogate (not valid Unicode)';
  return undefined;
}

/** A path segment as text a client can read back, whatever the key held. */
const printable = (key: string) =>
  key.replace(new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`, 'g'), (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

type Found = { details: ErrorDetail[]; tooDeep?: string };

/** Every string of a parsed JSON value, keys included, without recursion (depth is the client's choice). */
function checkJson(root: unknown, found: Found) {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value: root, path: [] }];
  while (stack.length && found.details.length < MAX_DETAILS) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const why = unsafeText(value);
      if (why) found.details.push({ path: path.join('.'), code: 'invalid_characters', message: why });
    } else if (value && typeof value === 'object') {
      if (path.length >= MAX_JSON_DEPTH) {
        found.tooDeep ??= path.join('.');
        continue;
      }
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i]!;
        const keyPath = [...path, printable(key)];
        const why = unsafeText(key);
        if (why) found.details.push({ path: keyPath.join('.'), code: 'invalid_characters', message: `The field name ${why.charAt(0).toLowerCase()}${why.slice(1)}` });
        stack.push({ value: v, path: keyPath });
      }
    }
  }
}

function checkText(path: string, value: string, found: Found) {
  const why = unsafeText(value);
  if (why && found.details.length < MAX_DETAILS) found.details.push({ path, code: 'invalid_characters', message: why });
}

/** Strict percent-decoding: Hono leaves a malformed sequence as it is, which hides a broken client. */
function decode(raw: string, path: string, found: Found): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    found.details.push({ path, code: 'invalid_encoding', message: 'Not valid percent-encoding (UTF-8)' });
    return undefined;
  }
}

/** Names each path segment after the route's parameter, where the request matched a route. */
function segmentNames(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string[] {
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path.includes(':'));
  return route ? route.path.split('/').map((s) => (s.startsWith(':') ? s.slice(1).replace(/\{.*$/, '') : '')) : [];
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
/** A URL of printable ASCII without `%` or `?`: no segment to decode and no query to check. */
const PLAIN_URL = /^[!-$&->@-~]*$/;

/**
 * Refuses control characters and lone surrogates in every string a request brings: path
 * segments, query keys and values, JSON bodies (keys included, at any depth) and form fields.
 * One check at the edge, so no new field can forget it; the database never sees such a string.
 */
export const inputGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const found: Found = { details: [] };
  // A GET or HEAD has no body in the Fetch API; asking for one would build a whole Request object.
  const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD' && !!c.req.raw.body;
  // Plain printable ASCII with no escapes and no query has nothing to check (most reads).
  if (!hasBody && PLAIN_URL.test(c.req.url)) return next();
  const url = new URL(c.req.url);

  let names: string[] | undefined;
  url.pathname.split('/').forEach((raw, i) => {
    if (!raw.includes('%')) return;
    names ??= segmentNames(c);
    const name = names[i] || 'path';
    const value = decode(raw, name, found);
    if (value !== undefined) checkText(name, value, found);
  });

  for (const pair of url.search.slice(1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = (eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' ');
    const key = decode(rawKey, printable(rawKey), found);
    if (key === undefined) continue;
    const why = unsafeText(key);
    if (why) found.details.push({ path: printable(key), code: 'invalid_characters', message: `The parameter name ${why.charAt(0).toLowerCase()}${why.slice(1)}` });
    if (eq >= 0) {
      const value = decode(pair.slice(eq + 1).replace(/\+/g, ' '), printable(key), found);
      if (value !== undefined) checkText(printable(key), value, found);
    }
  }

  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (hasBody && JSON_TYPE.test(type)) {
    // An empty body is no body: a route that takes none ignores it, one that takes one refuses it.
    const text = await c.req.text();
    if (text.trim()) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new AppError('bad_request', 'The request body is not valid JSON');
      }
      checkJson(body, found);
      // The route's validator reads this value rather than parsing the text again.
      c.req.bodyCache.json = Promise.resolve(body);
    }
  } else if (hasBody && (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded')) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch (err) {
      if (!(err instanceof TypeError)) throw err;
      throw new AppError('bad_request', 'The request body is not valid form data');
    }
    for (const [key, value] of form) {
      const why = unsafeText(key);
      if (why) found.details.push({ path: printable(key), code: 'invalid_characters', message: `The field name ${why.charAt(0).toLowerCase()}${why.slice(1)}` });
      if (typeof value === 'string') checkText(printable(key), value, found);
      else checkText(`${printable(key)}.name`, value.name, found);
    }
  }

  if (found.details.length) throw validationFailed('The request is not valid', found.details.slice(0, MAX_DETAILS));
  if (found.tooDeep !== undefined) {
    throw validationFailed('The request is not valid', [
      { path: found.tooDeep, code: 'too_deep', message: `Nested deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  }
  await next();
};

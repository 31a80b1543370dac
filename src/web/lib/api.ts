import type { ApiPath, Endpoint, InputOf, Method, Output } from './api-types.ts';

export type { ApiPath, Body, Method, Output } from './api-types.ts';

/** Error from the API, in the format of DESIGN.md §7. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path?: string; message: string; [k: string]: unknown }> = [],
    /** The whole error object, for endpoints that add fields (e.g. an import's report). */
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
  }
}

type Options = { method?: string; body?: unknown; query?: Record<string, string | number | boolean | undefined | null>; signal?: AbortSignal; headers?: Record<string, string> };

/**
 * Calls `/api/v1/<path>` with the session cookie. Mutations are same-origin, which is what the
 * server's CSRF check asks for. Throws ApiError on any non-2xx answer. Pages and api.ts files use
 * `http` below, which is typed from the server's routes.
 */
async function api<T = unknown>(path: string, opts: Options = {}): Promise<T> {
  const url = new URL(`/api/v1/${path.replace(/^\//, '')}`, window.location.origin);
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData || typeof opts.body === 'string' || opts.body instanceof Blob) body = opts.body as BodyInit;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(url, { method: opts.method ?? 'GET', headers, body, credentials: 'same-origin', signal: opts.signal });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? safeJson(text) : null;
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; details?: ApiError['details'] } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `Request failed (${res.status})`, e?.details ?? [], e as Record<string, unknown> | undefined);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Field errors of a validation_failed answer, keyed by path, for forms. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return Object.fromEntries(err.details.filter((d) => d.path).map((d) => [d.path!, d.message]));
}

// ---- typed calls -----------------------------------------------------------------------------

type Scalar = string | number | boolean | undefined | null;
type ParamsArg<I> = I extends { param: infer X } ? { params: { [K in keyof X]-?: string } } : { params?: never };
// Query values stay loose (search params arrive as strings); their names are checked.
type QueryArg<I> = I extends { query: infer Q } ? { query?: { [K in keyof Q]?: Scalar } } : { query?: never };
type BodyArg<I> = I extends { json: infer J } ? { body?: J } : { body?: FormData };
export type CallArgs<P extends ApiPath, M extends Method> = ParamsArg<InputOf<P, M>> &
  QueryArg<InputOf<P, M>> &
  BodyArg<InputOf<P, M>> & { signal?: AbortSignal };
type Rest<P extends ApiPath, M extends Method> = [Endpoint<P, M>] extends [never]
  ? [error: `${P} has no ${Uppercase<M>} route`]
  : InputOf<P, M> extends { param: unknown }
    ? [args: CallArgs<P, M>]
    : [args?: CallArgs<P, M>];

/** Fills `:name` segments with the given values, encoded. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`Missing path parameter ${k} for ${path}`);
    return encodeURIComponent(v);
  });
}

type Loose = { params?: Record<string, string>; query?: Options['query']; body?: unknown; signal?: AbortSignal };
const send = (method: string, path: string, a: Loose = {}) =>
  api<never>(fillPath(path, a.params), { method, query: a.query, body: a.body, signal: a.signal });

/**
 * Calls typed from the server's routes: `http.get('/people/:id', { params: { id } })` answers what
 * that route declares, so a change of a response shape fails the typecheck here, not in a page.
 * Errors are ApiError, as with `api()`.
 */
export const http = {
  get: <P extends ApiPath>(path: P, ...[args]: Rest<P, 'get'>): Promise<Output<P, 'get'>> => send('GET', path, args as Loose),
  post: <P extends ApiPath>(path: P, ...[args]: Rest<P, 'post'>): Promise<Output<P, 'post'>> => send('POST', path, args as Loose),
  put: <P extends ApiPath>(path: P, ...[args]: Rest<P, 'put'>): Promise<Output<P, 'put'>> => send('PUT', path, args as Loose),
  patch: <P extends ApiPath>(path: P, ...[args]: Rest<P, 'patch'>): Promise<Output<P, 'patch'>> => send('PATCH', path, args as Loose),
  delete: <P extends ApiPath>(path: P, ...[args]: Rest<P, 'delete'>): Promise<Output<P, 'delete'>> =>
    send('DELETE', path, args as Loose),
};

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

export type Page<T> = { data: T[]; nextCursor: string | null };

type Options = { method?: string; body?: unknown; query?: Record<string, string | number | boolean | undefined | null>; signal?: AbortSignal; headers?: Record<string, string> };

/**
 * Calls `/api/v1/<path>` with the session cookie. Mutations are same-origin, which is what the
 * server's CSRF check asks for. Throws ApiError on any non-2xx answer.
 */
export async function api<T = unknown>(path: string, opts: Options = {}): Promise<T> {
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

import type { ApiPath, Body, Endpoint, Method, Output } from '../../src/web/lib/api-types.ts';

/** A route's JSON body and answer, for a test's own helpers: `Body<'/courses', 'post'>`. */
export type { Body, Output } from '../../src/web/lib/api-types.ts';
import type { TestApp } from './app.ts';
import { PASSWORD, type TestUser } from './factories.ts';

export const ORIGIN = 'http://localhost:3000';

export type Res<T = any> = { status: number; body: T; headers: Headers };

export type Client = ReturnType<typeof client>;

// ---- types from the server's routes ----------------------------------------------------------
// A test names a concrete path (`people/${id}/chain?limit=5`); the types find the route it calls
// (`/people/:id/chain`) segment by segment, so `people/${id}` is `/people/:id`, never
// `/people/filters`. A path no route matches (`/healthz`, a string built at run time) stays `any`.

type NoQuery<P extends string> = P extends `${infer A}?${string}` ? A : P;
type Segments<P extends string> = P extends `${infer H}/${infer T}` ? [H, ...Segments<T>] : [P];
type SegmentMatches<A extends string, B extends string> = B extends `:${string}` ? true : [A] extends [B] ? true : false;
type Matches<A extends string[], B extends string[]> = A extends [infer a extends string, ...infer ra extends string[]]
  ? B extends [infer b extends string, ...infer rb extends string[]]
    ? SegmentMatches<a, b> extends true
      ? Matches<ra, rb>
      : false
    : false
  : B extends []
    ? true
    : false;
type First<P extends string> = P extends `${infer H}/${string}` ? H : P;
// Only the routes under the same first segment are compared: it keeps the typecheck fast.
type Near<P extends string> = Extract<ApiPath, `/${First<P>}` | `/${First<P>}/${string}`>;
type Match<P extends string> = `/${P}` extends ApiPath
  ? `/${P}`
  : { [K in Near<P>]: Matches<Segments<P>, Segments<K extends `/${infer R}` ? R : never>> extends true ? K : never }[Near<P>];
/** The route a test's path calls, in Hono's form; never when none does. */
export type RouteOf<P extends string> = Match<NoQuery<P>>;

/** The error object of DESIGN.md §7, which a failing call answers instead of the output; loose, since its details differ by route. */
type ErrorBody = { error: { code: string; message: string; details: any[]; [k: string]: any } };
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
// A route whose handler answers a raw Response (a file, CSV) has every status in its type.
type StatusOf<E> = E extends { status: infer S } ? S : never;
type Known<R, M extends Method> = [R] extends [never] ? false : [Endpoint<R, M>] extends [never] ? false : 100 extends StatusOf<Endpoint<R, M>> ? false : true;
/**
 * What the route answers on success, with the error object beside it for the failures tests check
 * (`res.body.error.code`); `any` where no route matches.
 */
export type Answer<P extends string, M extends Method> =
  Known<RouteOf<P>, M> extends true
    ? Output<RouteOf<P> & ApiPath, M> extends infer O
      ? [O] extends [undefined]
        ? ErrorBody
        : // Routes that answer one of several shapes (a report or a job, JSON or CSV) stay loose.
          true extends IsUnion<O>
          ? any
          : O & Omit<ErrorBody, keyof O>
      : never
    : any;
/** The JSON body the route takes (or a form, or raw text); anything where no route matches. */
export type Sent<P extends string, M extends Method> =
  Known<RouteOf<P>, M> extends true
    ? ([Body<RouteOf<P> & ApiPath, M>] extends [never] ? unknown : Body<RouteOf<P> & ApiPath, M>) | FormData | string
    : unknown;

type Headers_ = Record<string, string>;

/** Calls the in-process app as a browser would (cookie + same-origin header) or as an integrator (bearer token). */
export function client(t: TestApp, auth: { cookie?: string; token?: string } = {}) {
  // Each client gets its own address, so sign-in throttling per address only bites where a test means it to.
  const address = `10.${rand()}.${rand()}.${rand()}`;
  async function call<T = any>(method: string, path: string, body?: unknown, headers: Headers_ = {}): Promise<Res<T>> {
    const h: Headers_ = { origin: ORIGIN, 'x-forwarded-for': address, ...headers };
    if (auth.cookie) h.cookie = auth.cookie;
    if (auth.token) h.authorization = `Bearer ${auth.token}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData || typeof body === 'string') payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await t.app.request(path.startsWith('/') ? path : `/api/v1/${path}`, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }
  /** Untyped calls, for tests that send what the schema refuses or call paths built at run time. */
  const raw = {
    get: (path: string, headers?: Headers_) => call('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Headers_) => call('POST', path, body, headers),
    patch: (path: string, body?: unknown, headers?: Headers_) => call('PATCH', path, body, headers),
    put: (path: string, body?: unknown, headers?: Headers_) => call('PUT', path, body, headers),
    delete: (path: string, headers?: Headers_) => call('DELETE', path, undefined, headers),
  };
  return {
    get: <P extends string>(path: P, headers?: Headers_) => call<Answer<P, 'get'>>('GET', path, undefined, headers),
    post: <P extends string>(path: P, body?: Sent<P, 'post'>, headers?: Headers_) => call<Answer<P, 'post'>>('POST', path, body, headers),
    patch: <P extends string>(path: P, body?: Sent<P, 'patch'>, headers?: Headers_) => call<Answer<P, 'patch'>>('PATCH', path, body, headers),
    put: <P extends string>(path: P, body?: Sent<P, 'put'>, headers?: Headers_) => call<Answer<P, 'put'>>('PUT', path, body, headers),
    delete: <P extends string>(path: P, headers?: Headers_) => call<Answer<P, 'delete'>>('DELETE', path, undefined, headers),
    raw,
    call,
  };
}

/** Signs in through the real endpoint and returns a client carrying the session cookie. */
export async function signInAs(t: TestApp, user: TestUser | { email: string }, password = PASSWORD) {
  const res = await client(t).post('auth/sign-in', { email: user.email, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return client(t, { cookie });
}

const rand = () => Math.floor(Math.random() * 256);

import type { TestApp } from './app.ts';
import { PASSWORD, type TestUser } from './factories.ts';

export const ORIGIN = 'http://localhost:3000';

export type Res<T = any> = { status: number; body: T; headers: Headers };

export type Client = ReturnType<typeof client>;

/** Calls the in-process app as a browser would (cookie + same-origin header) or as an integrator (bearer token). */
export function client(t: TestApp, auth: { cookie?: string; token?: string } = {}) {
  // Each client gets its own address, so sign-in throttling per address only bites where a test means it to.
  const address = `10.${rand()}.${rand()}.${rand()}`;
  async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const h: Record<string, string> = { origin: ORIGIN, 'x-forwarded-for': address, ...headers };
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
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    patch: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, body, headers),
    put: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('PUT', path, body, headers),
    delete: <T = any>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
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

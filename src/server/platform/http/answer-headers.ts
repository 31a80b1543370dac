import type { ServerResponse } from 'node:http';
import { Hono, type Context, type MiddlewareHandler, type Next } from 'hono';

type Header = readonly [name: string, value: string];

/** The Node response of a request @hono/node-server serves; none under app.request() (tests). */
const outgoingOf = (c: Context): ServerResponse | undefined => (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;

/**
 * Gives the answer these headers, unless it sets one of them itself (a route's own choice, such
 * as a file's Cache-Control). Served by Node, they go on the Node response before the handler
 * runs, and writeHead merges them with the answer's own: setting them on the answer's Fetch
 * Headers instead made Hono copy the Response and build a Headers object for every answer,
 * which cost a read about a quarter of its throughput. Under app.request() (tests) there is no
 * Node response, and they are set on the answer after the handler, to the same effect.
 */
export async function withHeaders(c: Context, headers: Iterable<Header>, next: Next): Promise<void> {
  const outgoing = outgoingOf(c);
  if (outgoing) {
    for (const [name, value] of headers) outgoing.setHeader(name, value);
    await next();
    return;
  }
  await next();
  for (const [name, value] of headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
}

/** The headers a middleware gives an empty answer, worked out once (e.g. Hono's secureHeaders, which builds the same list for each answer). */
export async function headersOf(middleware: MiddlewareHandler): Promise<Header[]> {
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null));
  return [...(await probe.request('/')).headers];
}

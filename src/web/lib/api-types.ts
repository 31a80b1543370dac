import type { Hono } from 'hono';
import type { ApiType } from '../../server/app.ts';

// The server's routers are chained, so Hono's type of the API keeps every route's input and
// output. Only types here: `import type` is erased, so no server code reaches the bundle. The
// web client (api.ts) and the tests' client (test/support/client.ts) are typed from these.

/** path → `$get` | `$post` … → { input, output, outputFormat, status }, as the server declares it. */
type Schema = ApiType extends Hono<any, infer S, any> ? S : never;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The API's paths, in Hono's form (`/people/:id`). Not narrowed by method: that costs the typecheck seconds. */
export type ApiPath = keyof Schema & string;
// Conditional, so TypeScript never spreads the whole API's union for a generic path.
export type Endpoint<P, M extends Method> = P extends keyof Schema ? (`$${M}` extends keyof Schema[P] ? Schema[P][`$${M}`] : never) : never;
type Success = 200 | 201 | 202 | 204;
// A handler that returns a raw Response (files, CSV) leaves every status in the type: keep the JSON.
type SuccessOutput<E> = E extends { status: 204 }
  ? undefined
  : E extends { status: Success; outputFormat: 'json'; output: infer O }
    ? Exclude<O, Response>
    : never;

/** What a route answers on success, e.g. `Output<'/people/:id'>` or `Output<'/courses', 'post'>`. */
export type Output<P extends ApiPath, M extends Method = 'get'> = SuccessOutput<Endpoint<P, M>>;
export type InputOf<P, M extends Method> = Endpoint<P, M> extends { input: infer I } ? I : never;
/** The JSON body a route takes. */
export type Body<P extends ApiPath, M extends Method> = InputOf<P, M> extends { json: infer J } ? J : never;

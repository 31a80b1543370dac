import { OpenAPIHono } from '@hono/zod-openapi';
import { errorBody, zodDetails } from './errors.ts';
import type { AppEnv } from './types.ts';

/** Every module builds its routes on this, so validation errors share one format. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(
          errorBody('validation_failed', 'The request is not valid', zodDetails(result.error)),
          400,
        );
      }
    },
  });
}

export type Router = ReturnType<typeof createRouter>;

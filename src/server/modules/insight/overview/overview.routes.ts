import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { IdParam, errorResponses, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { OverviewSchema } from './overview.schemas.ts';
import * as service from './overview.service.ts';

const overview = createRoute({
  method: 'get',
  path: '/people/{id}/overview',
  tags: ['Team'],
  summary: "One person on one page: basics, goals, aspirations, strengths and gaps, hurdles, plan, learning, feedback and the viewer's 1:1",
  description:
    'Each part as DESIGN.md §5 lets the caller see it, null when it may not (everyone sees the basics and the goals their visibility allows); each part lists the actions the caller may take. A person of another organisation or an unknown id is 404.',
  request: { params: IdParam },
  responses: { 200: jsonContent(OverviewSchema), ...errorResponses('validation_failed', 'not_found') },
});

export const overviewRouteList = createRouter().openapi(overview, async (c) => {
  return c.json(await service.getOverview(c.var.ctx, requireActor(c), c.req.valid('param').id), 200);
});

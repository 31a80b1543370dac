import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, IdParam, jsonContent } from '../../platform/http/openapi.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { createRouter } from '../../platform/http/router.ts';
import { chartLevel, chartPath } from './org-chart.service.ts';

const ChartNode = z
  .object({
    id: z.uuid(),
    name: z.string(),
    jobTitle: z.string().nullable(),
    department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    directReportCount: z.number().int(),
  })
  .openapi('OrgChartNode');

const level = createRoute({
  method: 'get',
  path: '/org-chart',
  tags: ['Org chart'],
  summary: 'One level of the org chart: a person and their direct reports, or the top level',
  request: { query: z.object({ rootId: z.uuid().optional() }) },
  responses: {
    200: jsonContent(z.object({ node: ChartNode.nullable(), children: z.array(ChartNode) }).openapi('OrgChartLevel')),
    ...errorResponses('validation_failed', 'not_found'),
  },
});

const path = createRoute({
  method: 'get',
  path: '/org-chart/path/{id}',
  tags: ['Org chart'],
  summary: 'Ids of the managers to expand, top-down, to reach a person',
  request: { params: IdParam },
  responses: {
    200: jsonContent(z.object({ ancestorIds: z.array(z.uuid()) }).openapi('OrgChartPath')),
    ...errorResponses('not_found'),
  },
});

export const orgChartRoutes = createRouter()
  .openapi(level, async (c) => c.json(await chartLevel(c.var.ctx, requireActor(c), c.req.valid('query').rootId), 200))
  .openapi(path, async (c) => c.json(await chartPath(c.var.ctx, requireActor(c), c.req.valid('param').id), 200));

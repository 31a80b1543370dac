import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { TeamQuery, TeamSchema } from './team.schemas.ts';
import * as service from './team.service.ts';

const tags = ['Team'];

const team = createRoute({
  method: 'get',
  path: '/team',
  tags,
  summary: "The signed-in person's team: each report's aspirations, strengths, gaps, goals, hurdles, learning, 1:1s, feedback and ranked signals",
  description:
    'Only people below the caller in the reporting chain, each part as its visibility rule allows (private 1:1 items never; feedback when its giver allowed the chain). Someone with no reports gets an empty team.',
  request: { query: TeamQuery },
  responses: { 200: jsonContent(TeamSchema), ...errorResponses('validation_failed') },
});

export const teamRouteList = createRouter().openapi(team, async (c) => {
  const q = c.req.valid('query');
  return c.json(await service.getTeam(c.var.ctx, requireActor(c), { scope: q.scope ?? 'direct', limit: q.limit, cursor: q.cursor }), 200);
});

import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { ActivateBody, PreviewSchema, RuleBody, RulePatch, RuleSchema, RunSchema, RunsQuery } from './automation.schemas.ts';
import * as service from './automation.service.ts';

const tags = ['Automation rules'];
const who = '(HR admins; learning admins for rules that only enrol; others 404)';

const list = createRoute({
  method: 'get', path: '/automation-rules', tags, summary: `Automation rules ${who}`,
  responses: { 200: jsonContent(z.object({ data: z.array(RuleSchema) })), ...errorResponses('not_found') },
});
const create = createRoute({
  method: 'post', path: '/automation-rules', tags, summary: `Save a rule as a draft; refused (422) when it could never act ${who}`,
  request: { body: jsonBody(RuleBody) },
  responses: { 201: jsonContent(RuleSchema, 'Created'), ...errorResponses('validation_failed', 'unprocessable', 'forbidden', 'not_found') },
});
const previewBody = createRoute({
  method: 'post', path: '/automation-rules/preview', tags, summary: `How many people (and the first of them) an unsaved rule would touch now ${who}`,
  request: { body: jsonBody(RuleBody) },
  responses: { 200: jsonContent(PreviewSchema), ...errorResponses('validation_failed', 'unprocessable', 'not_found') },
});
const get = createRoute({
  method: 'get', path: '/automation-rules/{id}', tags, summary: `One rule ${who}`,
  request: { params: IdParam }, responses: { 200: jsonContent(RuleSchema), ...errorResponses('not_found') },
});
const patch = createRoute({
  method: 'patch', path: '/automation-rules/{id}', tags, summary: `Change a rule; checked as when saved ${who}`,
  request: { params: IdParam, body: jsonBody(RulePatch) },
  responses: { 200: jsonContent(RuleSchema), ...errorResponses('validation_failed', 'unprocessable', 'forbidden', 'not_found') },
});
const remove = createRoute({
  method: 'delete', path: '/automation-rules/{id}', tags, summary: `Delete a rule (it stops acting; its runs stay) ${who}`,
  request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
});
const activate = createRoute({
  method: 'post', path: '/automation-rules/{id}/activate', tags,
  summary: `Switch a rule on (again, after a failure once mended); with actNow it also acts at once on everyone it selects now ${who}`,
  request: { params: IdParam, body: { required: false, content: { 'application/json': { schema: ActivateBody } } } },
  responses: { 200: jsonContent(RuleSchema), ...errorResponses('unprocessable', 'not_found') },
});
const pause = createRoute({
  method: 'post', path: '/automation-rules/{id}/pause', tags, summary: `Pause a rule ${who}`,
  request: { params: IdParam }, responses: { 200: jsonContent(RuleSchema), ...errorResponses('not_found') },
});
const previewSaved = createRoute({
  method: 'post', path: '/automation-rules/{id}/preview', tags, summary: `How many people (and the first of them) the rule would touch now ${who}`,
  request: { params: IdParam }, responses: { 200: jsonContent(PreviewSchema), ...errorResponses('unprocessable', 'not_found') },
});
const runs = createRoute({
  method: 'get', path: '/automation-rules/{id}/runs', tags, summary: `A rule's runs, newest first ${who}`,
  request: { params: IdParam, query: RunsQuery }, responses: { 200: jsonContent(page(RunSchema)), ...errorResponses('not_found') },
});

export const automationRuleRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listRules(c.var.ctx, requireActor(c)), 200))
  .openapi(create, async (c) => c.json(await service.createRule(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(previewBody, async (c) => c.json(await service.preview(c.var.ctx, requireActor(c), c.req.valid('json')), 200))
  .openapi(get, async (c) => c.json(await service.getRule(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(patch, async (c) => c.json(await service.updateRule(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 200))
  .openapi(remove, async (c) => {
    await service.deleteRule(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(activate, async (c) => {
    const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
    return c.json(await service.setStatus(c.var.ctx, requireActor(c), c.req.valid('param').id, 'active', c.var.requestId, { actNow: body.actNow === true }), 200);
  })
  .openapi(pause, async (c) => c.json(await service.setStatus(c.var.ctx, requireActor(c), c.req.valid('param').id, 'paused', c.var.requestId), 200))
  .openapi(previewSaved, async (c) => c.json(await service.previewRule(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(runs, async (c) => c.json(await service.listRuns(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200));

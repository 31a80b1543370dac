import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  ComplianceRuleCreate,
  ComplianceRuleSaved,
  ComplianceRuleSchema,
  ComplianceRulesQuery,
  ComplianceRuleUpdate,
  DashboardQuery,
  DashboardSchema,
  RulePeopleQuery,
  RulePersonSchema,
} from './compliance.schemas.ts';
import * as service from './compliance.service.ts';

const tags = ['Compliance'];

const list = createRoute({
  method: 'get',
  path: '/compliance-rules',
  tags,
  summary: 'Compliance rules (learning and HR admins)',
  request: { query: ComplianceRulesQuery },
  responses: { 200: jsonContent(page(ComplianceRuleSchema)), ...errorResponses('validation_failed', 'not_found') },
});

const create = createRoute({
  method: 'post',
  path: '/compliance-rules',
  tags,
  summary: 'Create a rule; an active rule enrols its audience at once (those with a valid completion are left alone)',
  request: { body: jsonBody(ComplianceRuleCreate) },
  responses: { 201: jsonContent(ComplianceRuleSaved, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const get = createRoute({
  method: 'get',
  path: '/compliance-rules/{id}',
  tags,
  summary: 'One compliance rule',
  request: { params: IdParam },
  responses: { 200: jsonContent(ComplianceRuleSchema), ...errorResponses('not_found') },
});

const update = createRoute({
  method: 'patch',
  path: '/compliance-rules/{id}',
  tags,
  summary: 'Change a rule; activating it or widening its audience enrols whoever needs it',
  request: { params: IdParam, body: jsonBody(ComplianceRuleUpdate) },
  responses: { 200: jsonContent(ComplianceRuleSaved), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const remove = createRoute({
  method: 'delete',
  path: '/compliance-rules/{id}',
  tags,
  summary: 'Delete a rule (enrolments and completions stay)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
});

const dashboard = createRoute({
  method: 'get',
  path: '/compliance/dashboard',
  tags,
  summary: 'Compliance per department for one rule, or for all active rules (a person counts by their worst standing)',
  request: { query: DashboardQuery },
  responses: { 200: jsonContent(DashboardSchema), ...errorResponses('validation_failed', 'not_found') },
});

const dashboardCsv = createRoute({
  method: 'get',
  path: '/compliance/dashboard.csv',
  tags,
  summary: 'The compliance dashboard as CSV',
  request: { query: DashboardQuery },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses('validation_failed', 'not_found'),
  },
});

const people = createRoute({
  method: 'get',
  path: '/compliance/rules/{id}/people',
  tags,
  summary: 'People of a rule’s audience with their standing, by name',
  request: { params: IdParam, query: RulePeopleQuery },
  responses: { 200: jsonContent(page(RulePersonSchema)), ...errorResponses('validation_failed', 'not_found') },
});

/** Compliance rules and the compliance dashboard. */
export const complianceRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listRules(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(create, async (c) =>
    c.json(await service.createRule(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(get, async (c) => c.json(await service.getRule(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(update, async (c) =>
    c.json(
      await service.updateRule(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId),
      200,
    ),
  )
  .openapi(remove, async (c) => {
    await service.deleteRule(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(dashboardCsv, async (c) => {
    const { csv, filename } = await service.dashboardCsv(c.var.ctx, requireActor(c), c.req.valid('query').ruleId);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    });
  })
  .openapi(dashboard, async (c) => c.json(await service.dashboard(c.var.ctx, requireActor(c), c.req.valid('query').ruleId), 200))
  .openapi(people, async (c) =>
    c.json(await service.rulePeople(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );

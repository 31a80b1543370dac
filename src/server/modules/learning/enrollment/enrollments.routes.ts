import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import * as assignments from './assignments.service.ts';
import {
  AssignBody,
  AssignResult,
  DuePatch,
  EnrollmentSchema,
  EnrollmentsQuery,
  MyLearning,
  TeamMember,
  TeamQuery,
} from './enrollments.schemas.ts';
import * as service from './enrollments.service.ts';

const tags = ['Enrollments'];

const assign = createRoute({
  method: 'post',
  path: '/enrollments/assign',
  tags,
  summary: 'Assign a published course or program to people, a group or a department, with a reason (idempotent)',
  description:
    'Learning and HR admins assign to anyone; managers to people in their reporting chain only. Groups and departments (with sub-departments) are for admins. People already enrolled are counted in alreadyEnrolled, never enrolled twice.',
  request: { body: jsonBody(AssignBody) },
  responses: { 200: jsonContent(AssignResult), ...errorResponses('validation_failed', 'not_found', 'unprocessable') },
});

const mine = createRoute({
  method: 'get',
  path: '/me/learning',
  tags,
  summary: 'My learning: assigned, in progress and completed, each with its reason',
  responses: { 200: jsonContent(MyLearning) },
});

const ofPerson = createRoute({
  method: 'get',
  path: '/people/{id}/learning',
  tags,
  summary: "A person's learning (the person, their manager chain, learning and HR admins)",
  request: { params: IdParam },
  responses: { 200: jsonContent(MyLearning), ...errorResponses('not_found') },
});

const team = createRoute({
  method: 'get',
  path: '/team/learning',
  tags,
  summary: "Everyone in my reporting chain with counts and their learning, overdue first",
  request: { query: TeamQuery },
  responses: { 200: jsonContent(page(TeamMember)), ...errorResponses('validation_failed') },
});

const list = createRoute({
  method: 'get',
  path: '/enrollments',
  tags,
  summary: 'Enrolments, newest first (admins: everyone; managers: their reports)',
  request: { query: EnrollmentsQuery },
  responses: { 200: jsonContent(page(EnrollmentSchema)), ...errorResponses('validation_failed', 'not_found') },
});

const get = createRoute({
  method: 'get',
  path: '/enrollments/{id}',
  tags,
  summary: 'One enrolment',
  request: { params: IdParam },
  responses: { 200: jsonContent(EnrollmentSchema), ...errorResponses('not_found') },
});

const patch = createRoute({
  method: 'patch',
  path: '/enrollments/{id}',
  tags,
  summary: 'Change the due date (admins, or the manager who assigned it); null removes it',
  request: { params: IdParam, body: jsonBody(DuePatch) },
  responses: {
    200: jsonContent(EnrollmentSchema),
    ...errorResponses('validation_failed', 'forbidden', 'not_found', 'unprocessable'),
  },
});

const reset = createRoute({
  method: 'post',
  path: '/enrollments/{id}/reset',
  tags,
  summary: 'Back to not started: progress, quiz attempts and certificate removed (admins; audited)',
  request: { params: IdParam },
  responses: { 200: jsonContent(EnrollmentSchema), ...errorResponses('forbidden', 'not_found', 'conflict') },
});

const remove = createRoute({
  method: 'delete',
  path: '/enrollments/{id}',
  tags,
  summary: 'Unenrol (admins; the learner for unfinished learning they chose themself; audited)',
  request: { params: IdParam },
  responses: { 204: { description: 'Unenrolled' }, ...errorResponses('forbidden', 'not_found') },
});

/** Enrolments: assignment to people, groups and departments with a reason; my learning; team learning; reset and unenrol. */
export const enrollmentRoutes = createRouter()
  .openapi(assign, async (c) =>
    c.json(await assignments.assign(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 200),
  )
  .openapi(mine, async (c) => c.json(await service.myLearning(c.get('ctx'), requireActor(c)), 200))
  .openapi(ofPerson, async (c) => c.json(await service.personLearning(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(team, async (c) => c.json(await service.teamLearning(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(list, async (c) => c.json(await service.listEnrollments(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(get, async (c) => c.json(await service.getEnrollment(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(patch, async (c) =>
    c.json(
      await service.changeDueDate(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId),
      200,
    ),
  )
  .openapi(reset, async (c) =>
    c.json(await service.resetEnrollment(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200),
  )
  .openapi(remove, async (c) => {
    await service.unenroll(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId);
    return c.body(null, 204);
  });


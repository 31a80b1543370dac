import { createRoute } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, jsonBody, jsonContent } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  AttemptIdParam,
  AttemptSchema,
  EnrollmentParams,
  EnrollmentStateSchema,
  LessonParams,
  LessonSchema,
  PlayerSchema,
  ProgressBody,
  ProgressSchema,
  QuizParams,
  ReactionBody,
  ReactionSchema,
  ResultSchema,
  SubmitBody,
} from './player.schemas.ts';
import * as service from './player.service.ts';
import * as quiz from './quiz.service.ts';
import { submitReaction } from './reactions.service.ts';

const tags = ['Course player'];

const start = createRoute({
  method: 'post',
  path: '/enrollments/{id}/start',
  tags,
  summary: 'Open the course (the learner): starts the enrolment and pins the published version; repeating it changes nothing',
  request: { params: EnrollmentParams },
  responses: { 200: jsonContent(EnrollmentStateSchema), ...errorResponses('not_found', 'conflict', 'forbidden') },
});

const player = createRoute({
  method: 'get',
  path: '/enrollments/{id}/player',
  tags,
  summary: 'The learner’s course: outline of the pinned version (the published one before it is started), progress and where to resume (the learner only). Reads only',
  request: { params: EnrollmentParams },
  responses: { 200: jsonContent(PlayerSchema), ...errorResponses('not_found', 'conflict', 'forbidden') },
});

const lesson = createRoute({
  method: 'get',
  path: '/enrollments/{id}/lessons/{lessonId}',
  tags,
  summary: 'One lesson’s blocks; quizzes show their settings and the learner’s attempts, never the questions’ key',
  request: { params: LessonParams },
  responses: { 200: jsonContent(LessonSchema), ...errorResponses('not_found', 'conflict', 'forbidden') },
});

const progress = createRoute({
  method: 'post',
  path: '/enrollments/{id}/lessons/{lessonId}/progress',
  tags,
  summary: 'Report time spent on a lesson and mark a lesson without a quiz complete',
  request: { params: LessonParams, body: jsonBody(ProgressBody) },
  responses: { 200: jsonContent(ProgressSchema), ...errorResponses('validation_failed', 'not_found', 'conflict', 'forbidden') },
});

const startAttempt = createRoute({
  method: 'post',
  path: '/enrollments/{id}/quizzes/{quizId}/attempts',
  tags,
  summary: 'Start a quiz attempt, or resume the open one (200)',
  request: { params: QuizParams },
  responses: {
    200: jsonContent(AttemptSchema, 'The open attempt, resumed'),
    201: jsonContent(AttemptSchema, 'A new attempt'),
    ...errorResponses('not_found', 'conflict', 'forbidden'),
  },
});

const submit = createRoute({
  method: 'post',
  path: '/quiz-attempts/{id}/submit',
  tags,
  summary: 'Submit answers; graded once on the server (a repeated submit returns the stored result). The key only once passed or out of attempts',
  request: { params: AttemptIdParam, body: jsonBody(SubmitBody) },
  responses: { 200: jsonContent(ResultSchema), ...errorResponses('validation_failed', 'not_found', 'forbidden') },
});

const reaction = createRoute({
  method: 'post',
  path: '/enrollments/{id}/reaction',
  tags,
  summary: 'The end-of-course reaction survey, once per completed enrolment',
  request: { params: EnrollmentParams, body: jsonBody(ReactionBody) },
  responses: { 201: jsonContent(ReactionSchema, 'Recorded'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
});

const completeExternal = createRoute({
  method: 'post',
  path: '/enrollments/{id}/complete-external',
  tags,
  summary: 'Mark an external course complete (the learner); a step still locked in an in-order program is refused (403)',
  request: { params: EnrollmentParams },
  responses: { 200: jsonContent(EnrollmentStateSchema), ...errorResponses('not_found', 'conflict', 'forbidden') },
});

/** The course player: outline, lessons, progress, quiz attempts, reaction survey, completion. */
export const playerRoutes = createRouter()
  .openapi(start, async (c) =>
    c.json(await service.startEnrollment(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200),
  )
  .openapi(player, async (c) => c.json(await service.getPlayer(c.var.ctx, requireActor(c), c.req.valid('param').id), 200))
  .openapi(lesson, async (c) => {
    const { id, lessonId } = c.req.valid('param');
    return c.json(await service.getLesson(c.var.ctx, requireActor(c), id, lessonId), 200);
  })
  .openapi(progress, async (c) => {
    const { id, lessonId } = c.req.valid('param');
    return c.json(await service.reportProgress(c.var.ctx, requireActor(c), id, lessonId, c.req.valid('json'), c.var.requestId), 200);
  })
  .openapi(startAttempt, async (c) => {
    const { id, quizId } = c.req.valid('param');
    const r = await quiz.startAttempt(c.var.ctx, requireActor(c), id, quizId, c.var.requestId);
    return r.created ? c.json(r.body, 201) : c.json(r.body, 200);
  })
  .openapi(submit, async (c) =>
    c.json(await quiz.submitAttempt(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json').answers, c.var.requestId), 200),
  )
  .openapi(reaction, async (c) =>
    c.json(await submitReaction(c.var.ctx, requireActor(c), c.req.valid('param').id, c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(completeExternal, async (c) =>
    c.json(await service.completeExternal(c.var.ctx, requireActor(c), c.req.valid('param').id, c.var.requestId), 200),
  );

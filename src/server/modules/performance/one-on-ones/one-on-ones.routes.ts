import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, IdParam, jsonBody, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import {
  ActionItemCreate,
  ActionItemSchema,
  ActionItemUpdate,
  AgendaItemCreate,
  AgendaItemSchema,
  AgendaItemUpdate,
  AgendaOrder,
  AssignFromOneOnOne,
  CadenceQuery,
  CadenceRowSchema,
  LinkRecord,
  MeetingSchema,
  NoteSchema,
  NoteWrite,
  PlanItemFromOneOnOne,
  SeriesCreate,
  SeriesDetailSchema,
  SeriesListItemSchema,
  SeriesListQuery,
  SeriesSchema,
  TopicCreate,
  TopicSchema,
  TopicUpdate,
} from './one-on-ones.schemas.ts';
import * as service from './one-on-ones.service.ts';

const tags = ['1:1s'];
const AssignAnswer = z.object({ enrollmentId: z.uuid(), personId: z.uuid(), alreadyEnrolled: z.boolean() }).openapi('OneOnOneAssignment');
const PlanItemAnswer = z.object({ id: z.uuid(), personId: z.uuid(), title: z.string() }).passthrough().openapi('OneOnOnePlanItem');

const r = {
  cadence: createRoute({
    method: 'get',
    path: '/one-on-ones/cadence-report',
    tags,
    summary: 'Who has not had a 1:1 in N weeks (HR admins: everyone; managers: their chain)',
    request: { query: CadenceQuery },
    responses: { 200: jsonContent(page(CadenceRowSchema).extend({ weeks: z.number().int() })), ...errorResponses('validation_failed') },
  }),
  list: createRoute({
    method: 'get',
    path: '/one-on-ones',
    tags,
    summary: 'My 1:1 series with their next meeting',
    request: { query: SeriesListQuery },
    responses: { 200: jsonContent(page(SeriesListItemSchema)), ...errorResponses('validation_failed') },
  }),
  create: createRoute({
    method: 'post',
    path: '/one-on-ones',
    tags,
    summary: 'Start a 1:1 series with a colleague',
    request: { body: jsonBody(SeriesCreate) },
    responses: { 201: jsonContent(SeriesSchema, 'Created'), ...errorResponses('validation_failed', 'conflict') },
  }),
  get: createRoute({
    method: 'get',
    path: '/one-on-ones/{id}',
    tags,
    summary: 'A series: its timeline, next dates and current meeting (participants only)',
    request: { params: IdParam },
    responses: { 200: jsonContent(SeriesDetailSchema), ...errorResponses('not_found') },
  }),
  end: createRoute({
    method: 'post',
    path: '/one-on-ones/{id}/end',
    tags,
    summary: 'End a series (later meetings are cancelled)',
    request: { params: IdParam },
    responses: { 200: jsonContent(SeriesDetailSchema), ...errorResponses('not_found') },
  }),
  calendar: createRoute({
    method: 'get',
    path: '/one-on-ones/{id}/calendar.ics',
    tags,
    summary: 'The series as an iCalendar file',
    request: { params: IdParam },
    responses: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses('not_found') },
  }),
  meeting: createRoute({
    method: 'get',
    path: '/one-on-ones/meetings/{id}',
    tags,
    summary: 'A meeting: agenda (shared and my private points), action items, the shared note and my private note',
    request: { params: IdParam },
    responses: { 200: jsonContent(MeetingSchema), ...errorResponses('not_found') },
  }),
  held: createRoute({
    method: 'post',
    path: '/one-on-ones/meetings/{id}/held',
    tags,
    summary: 'Mark a meeting held; undiscussed points carry over to the next',
    request: { params: IdParam },
    responses: { 200: jsonContent(MeetingSchema), ...errorResponses('not_found', 'conflict') },
  }),
  cancel: createRoute({
    method: 'post',
    path: '/one-on-ones/meetings/{id}/cancel',
    tags,
    summary: 'Cancel a meeting; its points move to the next',
    request: { params: IdParam },
    responses: { 200: jsonContent(MeetingSchema), ...errorResponses('not_found', 'conflict') },
  }),
  addPoint: createRoute({
    method: 'post',
    path: '/one-on-ones/meetings/{id}/agenda-items',
    tags,
    summary: 'Add a talking point, shared or private',
    request: { params: IdParam, body: jsonBody(AgendaItemCreate) },
    responses: { 201: jsonContent(AgendaItemSchema, 'Created'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
  }),
  order: createRoute({
    method: 'post',
    path: '/one-on-ones/meetings/{id}/agenda-order',
    tags,
    summary: 'Reorder the talking points I see',
    request: { params: IdParam, body: jsonBody(AgendaOrder) },
    responses: { 200: jsonContent(MeetingSchema), ...errorResponses('validation_failed', 'not_found') },
  }),
  addAction: createRoute({
    method: 'post',
    path: '/one-on-ones/meetings/{id}/action-items',
    tags,
    summary: 'Add an action item (optionally from a talking point)',
    request: { params: IdParam, body: jsonBody(ActionItemCreate) },
    responses: { 201: jsonContent(ActionItemSchema, 'Created'), ...errorResponses('validation_failed', 'not_found') },
  }),
  sharedNote: createRoute({
    method: 'put',
    path: '/one-on-ones/meetings/{id}/shared-note',
    tags,
    summary: "Write the meeting's shared note (both participants)",
    request: { params: IdParam, body: jsonBody(NoteWrite) },
    responses: { 200: jsonContent(NoteSchema), ...errorResponses('validation_failed', 'not_found') },
  }),
  privateNote: createRoute({
    method: 'put',
    path: '/one-on-ones/meetings/{id}/private-note',
    tags,
    summary: 'Write my private note of the meeting (only I read it)',
    request: { params: IdParam, body: jsonBody(NoteWrite) },
    responses: { 200: jsonContent(NoteSchema), ...errorResponses('validation_failed', 'not_found') },
  }),
  patchPoint: createRoute({
    method: 'patch',
    path: '/one-on-ones/agenda-items/{id}',
    tags,
    summary: 'Edit a talking point, mark it discussed, or change who sees it (author)',
    request: { params: IdParam, body: jsonBody(AgendaItemUpdate) },
    responses: { 200: jsonContent(AgendaItemSchema), ...errorResponses('validation_failed', 'not_found') },
  }),
  deletePoint: createRoute({
    method: 'delete',
    path: '/one-on-ones/agenda-items/{id}',
    tags,
    summary: 'Remove my talking point',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found', 'conflict') },
  }),
  linkPoint: createRoute({
    method: 'post',
    path: '/one-on-ones/agenda-items/{id}/link',
    tags,
    summary: 'Link a goal or hurdle to a talking point',
    request: { params: IdParam, body: jsonBody(LinkRecord) },
    responses: { 200: jsonContent(AgendaItemSchema), ...errorResponses('validation_failed', 'not_found') },
  }),
  assignPoint: createRoute({
    method: 'post',
    path: '/one-on-ones/agenda-items/{id}/assign-learning',
    tags,
    summary: 'Assign a course or program from a talking point (reason one_on_one)',
    request: { params: IdParam, body: jsonBody(AssignFromOneOnOne) },
    responses: { 201: jsonContent(AssignAnswer, 'Assigned'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
  }),
  planPoint: createRoute({
    method: 'post',
    path: '/one-on-ones/agenda-items/{id}/plan-item',
    tags,
    summary: 'Add a development-plan item from a talking point',
    request: { params: IdParam, body: jsonBody(PlanItemFromOneOnOne) },
    responses: { 201: jsonContent(PlanItemAnswer, 'Created'), ...errorResponses('validation_failed', 'not_found') },
  }),
  assignNote: createRoute({
    method: 'post',
    path: '/one-on-ones/notes/{id}/assign-learning',
    tags,
    summary: 'Assign a course or program from a note (reason one_on_one)',
    request: { params: IdParam, body: jsonBody(AssignFromOneOnOne) },
    responses: { 201: jsonContent(AssignAnswer, 'Assigned'), ...errorResponses('validation_failed', 'not_found', 'conflict') },
  }),
  planNote: createRoute({
    method: 'post',
    path: '/one-on-ones/notes/{id}/plan-item',
    tags,
    summary: 'Add a development-plan item from a note',
    request: { params: IdParam, body: jsonBody(PlanItemFromOneOnOne) },
    responses: { 201: jsonContent(PlanItemAnswer, 'Created'), ...errorResponses('validation_failed', 'not_found') },
  }),
  patchAction: createRoute({
    method: 'patch',
    path: '/one-on-ones/action-items/{id}',
    tags,
    summary: 'Change an action item or mark it done',
    request: { params: IdParam, body: jsonBody(ActionItemUpdate) },
    responses: { 200: jsonContent(ActionItemSchema), ...errorResponses('validation_failed', 'not_found') },
  }),
  deleteAction: createRoute({
    method: 'delete',
    path: '/one-on-ones/action-items/{id}',
    tags,
    summary: 'Remove an action item',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
  }),
  topics: createRoute({
    method: 'get',
    path: '/one-on-one-topics',
    tags,
    summary: 'The bank of suggested talking points',
    request: { query: z.object({ includeArchived: z.enum(['true', 'false']).optional() }) },
    responses: { 200: jsonContent(page(TopicSchema)) },
  }),
  createTopic: createRoute({
    method: 'post',
    path: '/one-on-one-topics',
    tags,
    summary: 'Add a suggested topic (HR admins)',
    request: { body: jsonBody(TopicCreate) },
    responses: { 201: jsonContent(TopicSchema, 'Created'), ...errorResponses('validation_failed', 'not_found') },
  }),
  patchTopic: createRoute({
    method: 'patch',
    path: '/one-on-one-topics/{id}',
    tags,
    summary: 'Change a suggested topic (HR admins)',
    request: { params: IdParam, body: jsonBody(TopicUpdate) },
    responses: { 200: jsonContent(TopicSchema), ...errorResponses('validation_failed', 'not_found') },
  }),
  deleteTopic: createRoute({
    method: 'delete',
    path: '/one-on-one-topics/{id}',
    tags,
    summary: 'Remove a suggested topic (archived; points made from it keep it)',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses('not_found') },
  }),
};

const id = (c: { req: { valid: (k: 'param') => { id: string } } }) => c.req.valid('param').id;

/** 1:1 series, meetings, agenda, action items, notes, the topic bank and the cadence report. */
export const oneOnOneRoutes = createRouter()
  .openapi(r.cadence, async (c) => c.json(await service.cadenceReport(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(r.list, async (c) => c.json(await service.listMySeries(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => c.json(await service.createSeries(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(r.meeting, async (c) => c.json(await service.getMeeting(c.var.ctx, requireActor(c), id(c)), 200))
  .openapi(r.get, async (c) => c.json(await service.getSeries(c.var.ctx, requireActor(c), id(c)), 200))
  .openapi(r.end, async (c) => c.json(await service.endSeries(c.var.ctx, requireActor(c), id(c), c.var.requestId), 200))
  .openapi(r.calendar, async (c) => {
    const file = await service.seriesCalendar(c.var.ctx, requireActor(c), id(c));
    return c.body(file.text, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${file.filename}"` });
  })
  .openapi(r.held, async (c) => c.json(await service.closeMeeting(c.var.ctx, requireActor(c), id(c), 'held', c.var.requestId), 200))
  .openapi(r.cancel, async (c) => c.json(await service.closeMeeting(c.var.ctx, requireActor(c), id(c), 'cancelled', c.var.requestId), 200))
  .openapi(r.addPoint, async (c) => c.json(await service.addAgendaItem(c.var.ctx, requireActor(c), id(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(r.order, async (c) => c.json(await service.reorderAgenda(c.var.ctx, requireActor(c), id(c), c.req.valid('json'), c.var.requestId), 200))
  .openapi(r.addAction, async (c) => c.json(await service.addActionItem(c.var.ctx, requireActor(c), id(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(r.sharedNote, async (c) => c.json(await service.writeNote(c.var.ctx, requireActor(c), id(c), false, c.req.valid('json'), c.var.requestId), 200))
  .openapi(r.privateNote, async (c) => c.json(await service.writeNote(c.var.ctx, requireActor(c), id(c), true, c.req.valid('json'), c.var.requestId), 200))
  .openapi(r.patchPoint, async (c) => c.json(await service.updateAgendaItem(c.var.ctx, requireActor(c), id(c), c.req.valid('json'), c.var.requestId), 200))
  .openapi(r.deletePoint, async (c) => {
    await service.deleteAgendaItem(c.var.ctx, requireActor(c), id(c), c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(r.linkPoint, async (c) => c.json(await service.linkAgendaItem(c.var.ctx, requireActor(c), id(c), c.req.valid('json'), c.var.requestId), 200))
  .openapi(r.assignPoint, async (c) =>
    c.json(await service.assignFromOneOnOne(c.var.ctx, requireActor(c), 'agenda_item', id(c), c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(r.planPoint, async (c) =>
    c.json((await service.planItemFromOneOnOne(c.var.ctx, requireActor(c), 'agenda_item', id(c), c.req.valid('json'), c.var.requestId)) as z.infer<typeof PlanItemAnswer>, 201),
  )
  .openapi(r.assignNote, async (c) =>
    c.json(await service.assignFromOneOnOne(c.var.ctx, requireActor(c), 'one_on_one_note', id(c), c.req.valid('json'), c.var.requestId), 201),
  )
  .openapi(r.planNote, async (c) =>
    c.json((await service.planItemFromOneOnOne(c.var.ctx, requireActor(c), 'one_on_one_note', id(c), c.req.valid('json'), c.var.requestId)) as z.infer<typeof PlanItemAnswer>, 201),
  )
  .openapi(r.patchAction, async (c) => c.json(await service.updateActionItem(c.var.ctx, requireActor(c), id(c), c.req.valid('json'), c.var.requestId), 200))
  .openapi(r.deleteAction, async (c) => {
    await service.deleteActionItem(c.var.ctx, requireActor(c), id(c), c.var.requestId);
    return c.body(null, 204);
  })
  .openapi(r.topics, async (c) => c.json(await service.listTopics(c.var.ctx, requireActor(c), c.req.valid('query').includeArchived === 'true'), 200))
  .openapi(r.createTopic, async (c) => c.json(await service.createTopic(c.var.ctx, requireActor(c), c.req.valid('json'), c.var.requestId), 201))
  .openapi(r.patchTopic, async (c) => c.json(await service.updateTopic(c.var.ctx, requireActor(c), id(c), c.req.valid('json'), c.var.requestId), 200))
  .openapi(r.deleteTopic, async (c) => {
    await service.updateTopic(c.var.ctx, requireActor(c), id(c), { archived: true }, c.var.requestId);
    return c.body(null, 204);
  });

import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../../platform/http/actor.ts';
import { errorResponses, jsonContent, page } from '../../../platform/http/openapi.ts';
import { createRouter } from '../../../platform/http/router.ts';
import { CourseReportRow, CourseReportSchema, CourseReportsQuery } from './reports.schemas.ts';
import * as service from './reports.service.ts';

const tags = ['Learning reports'];

const list = createRoute({
  method: 'get',
  path: '/reports/courses',
  tags,
  summary: 'Per course: enrolled, completed, completion rate, overdue, mean time spent, mean reaction (learning and HR admins)',
  request: { query: CourseReportsQuery },
  responses: { 200: jsonContent(page(CourseReportRow)), ...errorResponses('validation_failed', 'not_found') },
});

// One route for both: Hono reads `{id}.csv` as a parameter named "id.csv", which would shadow this one.
const ReportParam = z.object({
  id: z
    .string()
    .refine((v) => z.uuid().safeParse(v.replace(/\.csv$/, '')).success, 'Expected a course id, optionally followed by .csv')
    .openapi({ param: { name: 'id', in: 'path' }, description: 'The course id; `<id>.csv` answers the enrolments as CSV' }),
});

const get = createRoute({
  method: 'get',
  path: '/reports/courses/{id}',
  tags,
  summary: 'One course: enrolments by status and reason, time spent, quiz item analysis, reactions (or, as `{id}.csv`, its enrolments as CSV)',
  request: { params: ReportParam },
  responses: {
    200: { description: 'OK', content: { 'application/json': { schema: CourseReportSchema }, 'text/csv': { schema: z.string() } } },
    ...errorResponses('validation_failed', 'not_found'),
  },
});

/** Course reports for learning admins: enrolments, completion, time, quiz items, reactions. */
export const reportRoutes = createRouter()
  .openapi(list, async (c) => c.json(await service.listCourseReports(c.var.ctx, requireActor(c), c.req.valid('query')), 200))
  .openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    if (!id.endsWith('.csv')) return c.json(await service.courseReport(c.var.ctx, requireActor(c), id), 200);
    const out = await service.courseEnrollmentsCsv(c.var.ctx, requireActor(c), id.slice(0, -4));
    return c.body(out.csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${out.filename}"`,
    });
  });

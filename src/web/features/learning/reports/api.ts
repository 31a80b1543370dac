import { queryOptions } from '@tanstack/react-query';
import { http, type Output } from '../../../lib/api.ts';
import { cursorPages } from '../../../lib/query.ts';

export type CourseReportRow = Output<'/reports/courses'>['data'][number];
// The same route answers `<id>.csv` as text; the page reads the JSON.
export type CourseReport = Exclude<Output<'/reports/courses/:id'>, string>;
export type QuizItem = CourseReport['quizzes'][number]['items'][number];
export type ItemFlag = QuizItem['flags'][number];

export const reportKeys = {
  courses: (q: string, status: string | null) => ['reports', 'courses', q, status] as const,
  course: (id: string) => ['reports', 'course', id] as const,
};

export const reportQueries = {
  courses: (q: string, status: string | null) =>
    cursorPages(reportKeys.courses(q, status), (cursor) => http.get('/reports/courses', { query: { q, status, limit: 50, cursor } })),
  course: (id: string) =>
    queryOptions({ queryKey: reportKeys.course(id), queryFn: async () => (await http.get('/reports/courses/:id', { params: { id } })) as CourseReport }),
};

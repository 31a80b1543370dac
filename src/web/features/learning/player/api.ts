import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';

export type Player = Output<'/enrollments/:id/player'>;
export type LessonView = Output<'/enrollments/:id/lessons/:lessonId'>;
export type Block = LessonView['blocks'][number];
export type QuizSettings = Extract<Block, { type: 'quiz' }>['quiz'];
export type Attempt = Output<'/enrollments/:id/quizzes/:quizId/attempts', 'post'>;
export type AttemptSummary = Attempt['attempt'];
export type QuizResult = Output<'/quiz-attempts/:id/submit', 'post'>;
export type Answers = Body<'/quiz-attempts/:id/submit', 'post'>['answers'];
export type Reaction = Body<'/enrollments/:id/reaction', 'post'>;

export const playerKeys = {
  player: (enrollmentId: string) => ['player', enrollmentId] as const,
  lesson: (enrollmentId: string, lessonId: string) => ['player', enrollmentId, 'lesson', lessonId] as const,
};

export const playerQueries = {
  player: (enrollmentId: string) =>
    queryOptions({ queryKey: playerKeys.player(enrollmentId), queryFn: () => http.get('/enrollments/:id/player', { params: { id: enrollmentId } }) }),
  lesson: (enrollmentId: string, lessonId: string) =>
    queryOptions({
      queryKey: playerKeys.lesson(enrollmentId, lessonId),
      queryFn: () => http.get('/enrollments/:id/lessons/:lessonId', { params: { id: enrollmentId, lessonId } }),
    }),
};

export const playerApi = {
  /** Opening the course: starts the enrolment and pins its version (idempotent). */
  start: (enrollmentId: string) => http.post('/enrollments/:id/start', { params: { id: enrollmentId } }),
  progress: (enrollmentId: string, lessonId: string, body: Body<'/enrollments/:id/lessons/:lessonId/progress', 'post'>) =>
    http.post('/enrollments/:id/lessons/:lessonId/progress', { params: { id: enrollmentId, lessonId }, body }),
  completeExternal: (enrollmentId: string) => http.post('/enrollments/:id/complete-external', { params: { id: enrollmentId } }),
  startAttempt: (enrollmentId: string, quizId: string) => http.post('/enrollments/:id/quizzes/:quizId/attempts', { params: { id: enrollmentId, quizId } }),
  /** Submits answers; a submitted attempt answers with its stored result. */
  submitAttempt: (attemptId: string, answers: Answers) => http.post('/quiz-attempts/:id/submit', { params: { id: attemptId }, body: { answers } }),
  react: (enrollmentId: string, body: Reaction) => http.post('/enrollments/:id/reaction', { params: { id: enrollmentId }, body }),
};

import { queryOptions } from '@tanstack/react-query';
import { http, type Body, type Output } from '../../../lib/api.ts';

export type PersonSkills = Output<'/people/:id/skills'>;
export type PersonSkillRow = PersonSkills['skills'][number];
export type SkillHistory = Output<'/people/:id/skills/:skillId/history'>;
export type AssessmentBody = Body<'/skill-assessments', 'post'>;

export const assessmentKeys = {
  all: ['person-skills'] as const,
  person: (personId: string) => ['person-skills', personId] as const,
  history: (personId: string, skillId: string) => ['person-skills', personId, 'history', skillId] as const,
  settings: ['talent-settings'] as const,
};

export const assessmentQueries = {
  person: (personId: string) =>
    queryOptions({
      queryKey: assessmentKeys.person(personId),
      queryFn: () => http.get('/people/:id/skills', { params: { id: personId } }),
    }),
  history: (personId: string, skillId: string) =>
    queryOptions({
      queryKey: assessmentKeys.history(personId, skillId),
      queryFn: () => http.get('/people/:id/skills/:skillId/history', { params: { id: personId, skillId } }),
    }),
  settings: () => queryOptions({ queryKey: assessmentKeys.settings, queryFn: () => http.get('/talent-settings') }),
};

export const assessmentApi = {
  rate: (body: AssessmentBody) => http.post('/skill-assessments', { body }),
  updateSettings: (body: Body<'/talent-settings', 'put'>) => http.put('/talent-settings', { body }),
};

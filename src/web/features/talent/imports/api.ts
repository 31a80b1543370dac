import { http, type Output } from '../../../lib/api.ts';

// The skills and job profiles imports: the same report, typed from the skills route.

export type TalentImportReport = Output<'/skills/import', 'post'>;
export type TalentImportKind = 'skills' | 'job-profiles';

export const talentImportApi = {
  run: (kind: TalentImportKind, body: FormData, dryRun: boolean): Promise<TalentImportReport> =>
    kind === 'skills'
      ? http.post('/skills/import', { body, query: { dryRun: dryRun ? 'true' : 'false' } })
      : http.post('/job-profiles/import', { body, query: { dryRun: dryRun ? 'true' : 'false' } }),
};

import { recordChange, systemRef } from '../../../modules/platform/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import * as repo from '../../seed.repo.ts';
import { buildDemoLearning, type DemoLearningInput } from './story.ts';

export { buildDemoLearning, type DemoLearningInput } from './story.ts';
export { demoCourses, demoPrograms } from './catalog.ts';

export type DemoLearningSummary = {
  skills: number;
  courses: number;
  programs: number;
  enrollments: number;
  certificates: number;
  liveSessions: number;
};

/**
 * Acme's learning: skills, courses with real lessons and quizzes, programs, live sessions, the
 * security compliance rule and a year of enrolments. Built in memory (deterministic apart from
 * ids and certificate codes), inserted in bulk inside the seeding transaction.
 */
export async function seedDemoLearning(tx: DbOrTx, input: DemoLearningInput, today: Date): Promise<DemoLearningSummary> {
  const rows = buildDemoLearning(input, today);
  await repo.insertDemoLearning(tx, rows);
  await repo.markGroupEventsHandled(tx, input.orgId, today);
  const summary: DemoLearningSummary = {
    skills: rows.skills.length,
    courses: rows.courses.length,
    programs: rows.programs.length,
    enrollments: rows.enrollments.length,
    certificates: rows.certificates.length,
    liveSessions: rows.sessions.length,
  };
  await recordChange(tx, systemRef(input.orgId, 'demo seed'), {
    action: 'learning.seeded',
    recordType: 'organisation',
    recordId: input.orgId,
    after: summary,
    event: false,
  });
  return summary;
}

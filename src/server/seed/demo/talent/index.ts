import type { DbOrTx } from '../../../platform/db/index.ts';
import type { DemoOrg } from '../people.ts';
import { seedDemoProfiles } from './profiles.ts';
import { seedDemoAssessments } from './assessments.ts';
import { seedDemoDevelopment } from './development.ts';
import { seedDemoRound } from './rounds.ts';

export type DemoTalentInput = { orgId: string; org: DemoOrg };

/**
 * Acme's skills and careers, after its learning (the skills library comes with the courses):
 * job profiles for every role with career paths, assessments with history, aspirations and
 * development plans. Recommendations are computed once the performance seed has added the goals
 * and hurdles they also read (demo.ts).
 */
export async function seedDemoTalent(tx: DbOrTx, input: DemoTalentInput, today: Date): Promise<void> {
  await seedDemoProfiles(tx, input, today);
  await seedDemoAssessments(tx, input, today);
  await seedDemoDevelopment(tx, input, today);
  await seedDemoRound(tx, input, today);
}

import type { DbOrTx } from '../../../platform/db/index.ts';
import type { DemoOrg } from '../people.ts';
import { seedDemoGoals } from './goals.ts';
import { seedDemoHurdles } from './hurdles.ts';
import { seedDemoOneOnOnes } from './one-on-ones.ts';
import { seedDemoFeedback } from './feedback.ts';
import { seedDemoReviews } from './reviews.ts';

export type DemoPerformanceInput = { orgId: string; org: DemoOrg };

/**
 * Acme's weekly performance life, after its learning and talent: company OKRs cascading to
 * people with a quarter of check-ins, the hurdles raised from them, 1:1 series of the demo
 * manager, praise and feedback, and review cycles (one finished, one being written). Goals come first: hurdles and talking points link to them.
 */
export async function seedDemoPerformance(tx: DbOrTx, input: DemoPerformanceInput, today: Date): Promise<void> {
  await seedDemoGoals(tx, input, today);
  await seedDemoHurdles(tx, input, today);
  await seedDemoOneOnOnes(tx, input, today);
  await seedDemoFeedback(tx, input, today);
  await seedDemoReviews(tx, input, today);
}

import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import type { DemoOrg } from '../people.ts';
import { seedDemoAutomation } from './automation.ts';
import { seedDemoFollowUps } from './follow-ups.ts';

export type DemoInsightInput = { orgId: string; org: DemoOrg };

/** What Tandem concludes from the rest, seeded last: the closed loop's follow-ups and HR's automation rules. */
export async function seedDemoInsight(ctx: AppContext, tx: DbOrTx, input: DemoInsightInput, today: Date): Promise<void> {
  await seedDemoFollowUps(ctx, tx, input, today);
  await seedDemoAutomation(ctx, tx, input);
}

import type { DbOrTx } from '../../../platform/db/index.ts';
import type { DemoTalentInput } from './index.ts';

/** Aspirations, development plans with items in every state, and the recommendations they lead to. */
export async function seedDemoDevelopment(_tx: DbOrTx, _input: DemoTalentInput, _today: Date): Promise<void> {}

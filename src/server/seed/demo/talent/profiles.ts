import type { DbOrTx } from '../../../platform/db/index.ts';
import type { DemoTalentInput } from './index.ts';

/** Job profiles for every Acme role (expected skill levels), career paths, and each person's profile. */
export async function seedDemoProfiles(_tx: DbOrTx, _input: DemoTalentInput, _today: Date): Promise<void> {}

import type { DbOrTx } from '../../../platform/db/index.ts';
import type { DemoTalentInput } from './index.ts';

/** Assessments from several sources with history, and the current levels derived from them. */
export async function seedDemoAssessments(_tx: DbOrTx, _input: DemoTalentInput, _today: Date): Promise<void> {}

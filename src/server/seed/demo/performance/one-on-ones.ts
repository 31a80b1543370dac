import type { DbOrTx } from '../../../platform/db/index.ts';
import type { DemoPerformanceInput } from './index.ts';

export async function seedDemoOneOnOnes(_tx: DbOrTx, _input: DemoPerformanceInput, _today: Date): Promise<void> {}

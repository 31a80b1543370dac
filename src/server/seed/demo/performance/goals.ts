import type { DbOrTx } from '../../../platform/db/index.ts';
import type { DemoPerformanceInput } from './index.ts';

export async function seedDemoGoals(_tx: DbOrTx, _input: DemoPerformanceInput, _today: Date): Promise<void> {}

import type { AppContext } from '../../context.ts';

/** Registers the compliance job handlers and outbox subscribers. */
export function registerComplianceJobs(_ctx: AppContext): void {}

/** Expires completions past their validity and re-enrols people whose completion expires soon. */
export async function runComplianceSweep(_ctx: AppContext): Promise<void> {}

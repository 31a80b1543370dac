import type { AppContext } from './context.ts';
import { IMPORT_JOB, runImportJob } from './modules/org/index.ts';
import { registerLearningJobs, scheduleLearningJobs } from './modules/learning/index.ts';
import { registerEventJobs, registerMaintenanceJobs, scheduleMaintenanceJobs } from './modules/platform/index.ts';

/** Every module's job handlers and schedules, registered on whichever queue the process runs. */
export function registerJobHandlers(ctx: AppContext): void {
  // Modules add their handlers here; outbox subscribers become `event.<name>` jobs last.
  ctx.jobs.register(IMPORT_JOB, (data: Parameters<typeof runImportJob>[1]) => runImportJob(ctx, data));
  registerLearningJobs(ctx);
  registerMaintenanceJobs(ctx);
  registerEventJobs(ctx);
}

/** Recurring jobs; called once the queue has started (pg-boss keeps one schedule per name). */
export async function scheduleJobs(ctx: AppContext): Promise<void> {
  await scheduleLearningJobs(ctx);
  await scheduleMaintenanceJobs(ctx);
}

import type { AppContext } from './context.ts';
import { registerEventJobs } from './modules/platform/index.ts';

/** Every module's job handlers and schedules, registered on whichever queue the process runs. */
export function registerJobHandlers(ctx: AppContext): void {
  // Modules add their handlers here; outbox subscribers become `event.<name>` jobs last.
  registerEventJobs(ctx);
}

import type { AppContext } from './context.ts';

/** Every module's job handlers and schedules, registered on whichever queue the process runs. */
export function registerJobHandlers(_ctx: AppContext): void {
  // Modules add their handlers here (outbox dispatch, notifications, mail, smart groups).
}

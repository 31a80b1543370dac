import type { AppContext } from '../../../context.ts';

/** Registers this part's job handlers and outbox subscribers (filled in by its use cases). */
export function registerSessionJobs(_ctx: AppContext): void {}

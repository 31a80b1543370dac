export { hurdleRoutes } from './hurdles.routes.ts';

/** Raising a hurdle from another capability (a check-in's blocker, a 1:1 talking point), and reading one by id. */
export { describeHurdles, raiseHurdle, readableHurdle, hurdleDto, type HurdleDto, type RaiseHurdleInput } from './hurdles.core.ts';
export type { HurdleRow } from './hurdles.repo.ts';

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const hurdleJobs = [];
export const hurdleSubscribers = [];

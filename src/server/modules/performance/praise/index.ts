export { praiseRoutesList as praiseRoutes } from './praise.routes.ts';
export { requireValuesAndSkills } from './praise.service.ts';
export { peopleNames, valueNames, skillNames, activePeopleIds, type PersonName } from './praise.repo.ts';
export { PRAISE_GIVEN } from './praise.events.ts';

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const praiseJobs = [];
export const praiseSubscribers = [];

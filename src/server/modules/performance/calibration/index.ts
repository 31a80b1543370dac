export { calibrationRoutes } from './calibration.routes.ts';
export { writeCycleLeniency } from './calibration.service.ts';
export { cycleLeniency, poolLeniency, type OffsetFigure, type RaterLeniency } from './leniency.ts';
export { defaultNineBox, nineBoxIndex, performanceBand } from './nine-box.ts';

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const calibrationJobs = [];
export const calibrationSubscribers = [];

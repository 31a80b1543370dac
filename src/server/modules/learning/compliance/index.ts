export { complianceSubscribers, runComplianceSweep } from './compliance.jobs.ts';
export { complianceRoutes } from './compliance.routes.ts';
export { createRule, enrollDue } from './compliance.service.ts';

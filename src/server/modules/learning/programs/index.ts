export { CHECKPOINT_APPROVED } from './checkpoints.events.ts';
export { findPersonContact } from './checkpoints.repo.ts';
export { isEvidenceApprover } from './checkpoints.service.ts';
export { activePeopleIds } from './programs.repo.ts';
export { programRoutes } from './programs.routes.ts';
export { requireStepUnlocked, stepLock } from './programs.steps.ts';

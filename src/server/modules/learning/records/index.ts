export { certificateRoutes } from './certificates.routes.ts';
export { findPerson } from './transcript.repo.ts';
export { transcriptRoutes } from './transcript.routes.ts';

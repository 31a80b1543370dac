import { createRouter } from '../../platform/http/router.ts';

/** Transcripts (CSV, PDF) and external learning records. */
export const transcriptRoutes = createRouter();

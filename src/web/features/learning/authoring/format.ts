import type { CourseFormat } from './api.ts';

export const formatLabel: Record<CourseFormat, string> = { self_paced: 'Self-paced', live: 'Live', external: 'External' };

import type { ItemFlag } from './api.ts';

export const flagLabels: Record<ItemFlag, string> = {
  too_easy: 'Too easy',
  too_hard: 'Too hard',
  poor_discrimination: 'Poorly discriminating',
};

export const flagHelp: Record<ItemFlag, string> = {
  too_easy: 'More than 90% answer it correctly: it tells you little.',
  too_hard: 'Fewer than 30% answer it correctly: check the wording and the key.',
  poor_discrimination: 'Strong and weak learners do about as well (or the weak better): it may be ambiguous.',
};

export const formatLabels: Record<string, string> = { self_paced: 'Self-paced', live: 'Live', external: 'External' };

export const dash = (v: number | null | undefined, suffix = '') => (v == null ? '—' : `${v}${suffix}`);

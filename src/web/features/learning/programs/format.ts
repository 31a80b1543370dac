import type { EvidenceKind } from './api.ts';

export const kindLabels: Record<EvidenceKind, string> = { text: 'Text', link: 'Link', file: 'File' };

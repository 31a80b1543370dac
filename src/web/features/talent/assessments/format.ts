import type { PersonSkillRow } from './api.ts';

type Basis = NonNullable<PersonSkillRow['basis']>;

const date = (iso: string) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));

/** "3 · from your manager on 3 March 2026": the evidence the current level leans on most. */
export function basisLine(b: Basis, mine: boolean): string {
  const from: Record<Basis['source'], string> = {
    self: mine ? 'from your self-assessment' : 'from their self-assessment',
    manager: mine ? 'from your manager' : `from ${b.assessorName ?? 'their manager'}`,
    peer: b.assessorName ? `from ${b.assessorName} (peer)` : 'from a peer',
    review: 'from a review',
    quiz: 'from a course quiz',
    checkpoint: 'from a checkpoint',
    import: 'imported',
  };
  return `${b.level} · ${from[b.source]} on ${date(b.assessedAt)}`;
}

export const sourceLabels: Record<Basis['source'], string> = {
  self: 'Self',
  manager: 'Manager',
  peer: 'Peer',
  review: 'Review',
  quiz: 'Quiz',
  checkpoint: 'Checkpoint',
  import: 'Import',
};

export const shortDate = (iso: string) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));

/** "Level 3 · Practising" */
export const levelLabel = (level: number, levels: readonly string[]) => (levels[level - 1] ? `${level} · ${levels[level - 1]}` : `Level ${level}`);

/** One theme hue per source, for chart dots and legends (shade 7 on white is legible for each). */
export const sourceColors: Record<Basis['source'], string> = {
  self: 'blue',
  manager: 'violet',
  peer: 'cyan',
  review: 'red',
  quiz: 'grape',
  checkpoint: 'lime',
  import: 'gray',
};

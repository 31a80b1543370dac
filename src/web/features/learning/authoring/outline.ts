/** Moves item i one place up (-1) or down (1); returns a new array. */
export function move<T>(list: T[], i: number, d: -1 | 1): T[] {
  const j = i + d;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** "Section 1 › Lesson 2 › Block 1 › Question 3" for a server path like content.sections.0.lessons.1.blocks.0.quiz.questions.2.options. */
export function describePath(path: string): string {
  const names: Record<string, string> = { sections: 'Section', lessons: 'Lesson', blocks: 'Block', questions: 'Question', options: 'Option' };
  const parts = path.replace(/^content\./, '').split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (names[p] && next !== undefined && /^\d+$/.test(next)) {
      out.push(`${names[p]} ${Number(next) + 1}`);
      i++;
    } else if (!/^\d+$/.test(p) && !['quiz', 'doc', 'content'].includes(p)) out.push(p);
  }
  return out.join(' › ');
}

/** Short random ids for new sections, lessons, blocks, questions and options. */
export const newId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`;

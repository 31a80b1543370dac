import type { FollowUpStatus } from '../../../db/schema/insight.ts';
import { closureBy, isLowClosure, type LoopClosure } from './loop.ts';

/**
 * Which courses to flag to their learning admins, pure: a course whose loop closure is low over
 * enough decided follow-ups (`LOW_CLOSURE` in loop.ts, the same test as the report's `flagged`),
 * unless it was flagged within the last `LOW_CLOSURE_REPEAT_DAYS`. A month between flags: a
 * course's rate moves slowly (one decision a day at most for most courses), and an admin who
 * hears of it every night stops reading; a month later, still low, it is worth saying again.
 */
export const LOW_CLOSURE_REPEAT_DAYS = 30;

const DAY = 86_400_000;

export type CourseToFlag = { courseId: string; closure: LoopClosure };

/**
 * `counts`: follow-ups of each course by status. `lastFlagged`: when each course was last
 * flagged (courses never flagged are absent). Lowest rate first, then the course id, so the
 * order is stable.
 */
export function coursesToFlag(
  counts: ReadonlyArray<{ key: string; status: FollowUpStatus; n: number }>,
  lastFlagged: ReadonlyMap<string, Date>,
  now: Date,
): CourseToFlag[] {
  const { by } = closureBy(counts);
  const out: CourseToFlag[] = [];
  for (const [courseId, closure] of by) {
    if (!isLowClosure(closure)) continue;
    const last = lastFlagged.get(courseId);
    if (last && now.getTime() - last.getTime() < LOW_CLOSURE_REPEAT_DAYS * DAY) continue;
    out.push({ courseId, closure });
  }
  return out.sort((a, b) => a.closure.rate! - b.closure.rate! || (a.courseId < b.courseId ? -1 : a.courseId > b.courseId ? 1 : 0));
}

/** The words of the notification, with the counts behind the rate. */
export function lowClosureMessage(title: string, c: LoopClosure): { title: string; body: string } {
  const pct = Math.round((c.rate ?? 0) * 100);
  return {
    title: `Low loop closure: “${title}”`,
    body:
      `Of ${c.decided} completions followed up, ${c.improved} answered the reason they were assigned for (${pct}%)` +
      `${c.pending ? `; ${c.pending} still to follow up` : ''}. Worth a look at what the course teaches and who it is assigned to.`,
  };
}

import type { FollowUp } from '../insight/follow-ups/api.ts';
import type { MyLearning } from '../learning/enrollment/api.ts';
import type { Invitation } from '../performance/feedback/api.ts';
import type { Output } from '../../lib/api.ts';
import type { SeriesListItem } from '../performance/one-on-ones/api.ts';

type Goal = Output<'/goals'>['data'][number];

export type NextUpItem = {
  kind: 'learning' | 'check_in' | 'one_on_one' | 'feedback' | 'follow_up';
  id: string;
  title: string;
  detail: string;
  urgent: boolean;
  /** When it is due or happens (null: no date); the list is ordered by it. */
  at: number | null;
  to: string;
  params?: Record<string, string>;
  search?: Record<string, string>;
};

const DAY = 86_400_000;
/** Learning due within this many days is "next"; goals not checked in on for a week are. */
const LEARNING_HORIZON_DAYS = 14;
const CHECK_IN_DAYS = 7;
const ONE_ON_ONE_HORIZON_DAYS = 7;
const MAX_ITEMS = 8;

const day = (t: number) => new Date(t).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const inDays = (t: number, now: Date) => Math.ceil((t - now.getTime()) / DAY);

function dueWords(due: number, now: Date): string {
  const d = inDays(due, now);
  if (d < 0) return `Overdue since ${day(due)}`;
  if (d === 0) return 'Due today';
  if (d === 1) return 'Due tomorrow';
  return `Due ${day(due)}`;
}

/**
 * The to-do list of a person's home, most urgent first: overdue learning, then what is due or
 * happens soonest, then undated asks (feedback, follow-ups), then goals waiting for a check-in
 * (oldest first). Pure, so it is tested on its own.
 */
export function nextUpItems(
  src: { learning: MyLearning; goals: Goal[]; series: SeriesListItem[]; invitations: Invitation[]; followUps?: FollowUp[] },
  now: Date,
): NextUpItem[] {
  const t = now.getTime();
  const items: NextUpItem[] = [];
  for (const e of [...src.learning.assigned, ...src.learning.inProgress]) {
    if (e.parentEnrollmentId) continue; // a program's step shows through its program
    const due = e.dueAt ? Date.parse(e.dueAt) : null;
    if (due === null || due - t > LEARNING_HORIZON_DAYS * DAY) continue;
    items.push({
      kind: 'learning', id: e.id, title: e.title, detail: dueWords(due, now) + (e.progress ? ` · ${e.progress}% done` : ''),
      urgent: e.overdue, at: due, to: '/learning/enrollments/$id', params: { id: e.id },
    });
  }
  for (const s of src.series) {
    const at = s.nextMeetingAt ? Date.parse(s.nextMeetingAt) : null;
    if (at === null || at < t - DAY || at - t > ONE_ON_ONE_HORIZON_DAYS * DAY) continue;
    items.push({
      kind: 'one_on_one', id: s.id, title: `1:1 with ${s.with.name}`,
      detail: `${day(at)}, ${new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })} · add your talking points`,
      urgent: false, at, to: '/one-on-ones/$id', params: { id: s.id },
    });
  }
  for (const i of src.invitations) {
    if (i.status !== 'pending') continue;
    const about = i.request.subject.id === i.request.requester.id ? '' : ` about ${i.request.subject.name}`;
    items.push({
      kind: 'feedback', id: i.id, title: `Feedback for ${i.request.requester.name}${about}`, detail: 'Asked of you',
      urgent: false, at: null, to: '/feedback', search: { tab: 'to-answer' },
    });
  }
  for (const f of src.followUps ?? []) {
    if (f.status !== 'asked') continue;
    const what = f.item?.title ? `“${f.item.title}”` : 'their learning';
    items.push({
      kind: 'follow_up', id: f.id, title: `Did ${what} help ${f.person.name}?`, detail: 'Follow-up asked of you',
      urgent: false, at: null, to: '/follow-ups',
    });
  }
  const checkIns: NextUpItem[] = [];
  for (const g of src.goals) {
    if (g.closedAt || g.ownerType !== 'person') continue;
    const last = g.lastCheckInAt ? Date.parse(g.lastCheckInAt) : null;
    if (last !== null && t - last < CHECK_IN_DAYS * DAY) continue;
    checkIns.push({
      kind: 'check_in', id: g.id, title: g.title,
      detail: last === null ? 'No check-in yet' : `Last check-in ${day(last)}`,
      urgent: false, at: last ?? 0, to: '/goals/$id', params: { id: g.id },
    });
  }
  const dated = items.sort((a, b) => Number(b.urgent) - Number(a.urgent) || (a.at ?? Infinity) - (b.at ?? Infinity));
  return [...dated, ...checkIns.sort((a, b) => (a.at ?? 0) - (b.at ?? 0))].slice(0, MAX_ITEMS);
}

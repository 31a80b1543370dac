import type { AppContext } from '../../../context.ts';
import { rows } from '../../../platform/db/sql.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { canReadLearningOf, learningOfPeopleSql, reasonLabels } from '../../learning/index.ts';
import { canOverseeReviewsOf } from '../performance.policy.ts';
import { chainFeedbackSql, sharedOneOnOneNotesSql, visiblePraiseOfSql } from '../signals.ts';
import { peopleNames } from '../praise/index.ts';
import * as cycles from './cycles.repo.ts';
import * as repo from './reviews.repo.ts';

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/**
 * What the period left that the reviewer may already see (DESIGN.md §5), beside the form: the
 * subject's goals the reviewer may read with their check-ins; feedback (for the subject's managers:
 * what the chain may read; for anyone else: what they gave); praise the reviewer may read; learning
 * completed in the period with its reasons, where the reviewer may read the subject's learning;
 * the shared notes of the reviewer's own 1:1s with the subject. Nothing a reviewer could not open
 * elsewhere; the reviewer of the review only (404 for anyone else).
 */
export async function reviewEvidence(ctx: AppContext, actor: Actor, id: string) {
  const r = await repo.findReview(ctx.db, actor.orgId, id);
  if (!r || r.reviewerId !== actor.personId) throw notFound('Review');
  const c = await cycles.findCycle(ctx.db, actor.orgId, r.cycleId);
  if (!c || c.phase === 'draft') throw notFound('Review');
  const subject = r.subjectId;
  const own = subject === actor.personId;
  const p = await repo.findParticipant(ctx.db, actor.orgId, r.cycleId, subject);
  const overseer = own || (!!p && (await canOverseeReviewsOf(ctx.db, actor, { personId: subject, managerId: p.managerId })));
  const from = c.periodStartsOn;
  const to = c.periodEndsOn;
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const [goals, feedback, praise, learning, notes] = await Promise.all([
    repo.periodGoals(ctx.db, actor, subject, from, to),
    ctx.db.execute(chainFeedbackSql(actor.orgId, actor.personId, [subject], from, today)),
    ctx.db.execute(visiblePraiseOfSql(actor.orgId, actor.personId, [subject], new Date(`${from}T00:00:00Z`))),
    (async () => (own || (await canReadLearningOf(ctx.db, actor, subject)) ? ctx.db.execute(learningOfPeopleSql(actor.orgId, [subject], new Date(`${from}T00:00:00Z`))) : { rows: [] }))(),
    own ? Promise.resolve({ rows: [] }) : ctx.db.execute(sharedOneOnOneNotesSql(actor.orgId, actor.personId, subject, from, to)),
  ]);
  type Fb = { id: string; giver_id: string | null; anonymous: boolean; body: string | null; given_on: string };
  const names = await peopleNames(ctx.db, actor.orgId, [
    ...rows<Fb>(feedback).flatMap((f) => (f.giver_id ? [f.giver_id] : [])),
    ...rows<{ giver_id: string | null }>(praise).flatMap((x) => (x.giver_id ? [x.giver_id] : [])),
  ]);
  return {
    period: { startsOn: from, endsOn: to },
    goals: goals.map((g) => ({
      id: g.id, title: g.title, status: g.status, progress: Number(g.progress), checkIns: g.check_ins, lastConfidence: g.confidence,
    })),
    feedback: rows<Fb>(feedback)
      // Someone outside the chain sees the feedback they gave, nothing else.
      .filter((f) => overseer || f.giver_id === actor.personId)
      .filter((f) => f.given_on <= to)
      .map((f) => ({ id: f.id, from: f.giver_id ? (names.get(f.giver_id)?.name ?? 'A colleague') : 'Anonymous', body: f.body ?? '', givenOn: String(f.given_on).slice(0, 10) })),
    praise: rows<{ id: string; giver_id: string | null; message: string; created_at: string }>(praise)
      .filter((x) => iso(x.created_at)!.slice(0, 10) <= to)
      .map((x) => ({ id: x.id, from: x.giver_id ? (names.get(x.giver_id)?.name ?? 'A colleague') : 'A colleague', message: x.message, at: iso(x.created_at)! })),
    learning: rows<{ id: string; title: string; status: string; completed_at: string | null; reason_type: keyof typeof reasonLabels }>(learning)
      .filter((l) => l.status === 'completed' && l.completed_at && iso(l.completed_at)!.slice(0, 10) <= to)
      .map((l) => ({ id: l.id, title: l.title, completedAt: iso(l.completed_at)!, reason: reasonLabels[l.reason_type] ?? l.reason_type })),
    oneOnOneNotes: rows<{ id: string; series_id: string; held_at: string; body: string }>(notes).map((n) => ({ id: n.id, seriesId: n.series_id, heldAt: iso(n.held_at)!, body: n.body })),
  };
}

import { z } from 'zod';
import type { z as zo } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError, conflict, notFound, validationFailed, type ErrorDetail } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, notify, notifyMany, recordChange } from '../../platform/index.ts';
import { recordAssessments } from '../assessments/index.ts';
import { canRateMemberAsManager, canRunRound, canStartRoundForAnyone } from '../talent.policy.ts';
import type { RoundCreate, RoundRatings, RoundsQuery } from './assessment-rounds.schemas.ts';
import * as repo from './assessment-rounds.repo.ts';

/** Rounds a person is asked to rate themselves in, at most: a few a year in practice. */
const MAX_MY_ROUNDS = 100;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const nameOf = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
/** "Ana Silva", "Ana Silva and Leo Park", "Ana Silva, Leo Park and 3 others". */
function names(list: string[]) {
  if (list.length <= 2) return list.join(' and ');
  if (list.length === 3) return `${list[0]}, ${list[1]} and ${list[2]}`;
  return `${list[0]}, ${list[1]} and ${list.length - 2} others`;
}
const roundLink = (id: string) => `/skill-rounds/${id}`;
const MY_GROWTH = '/skills';

const summaryDto = (s: { r: repo.RoundRow; managerName: string }, progress: { members: number; selfSubmitted: number; managerSubmitted: number }) => ({
  id: s.r.id,
  title: s.r.title,
  status: s.r.status,
  dueAt: iso(s.r.dueAt),
  createdAt: s.r.createdAt.toISOString(),
  closedAt: iso(s.r.closedAt),
  manager: { id: s.r.managerId, name: s.managerName },
  progress,
});

type Viewer = { actor: Actor; full: boolean };

/**
 * Each member's row: the skills of their (current) job profile with the ratings given in this
 * round, and what the viewer may still do. A viewer who is not running the round only sees
 * rows of themself or of people below them, so any row not their own is one they rate as manager.
 */
async function memberDtos(db: DbOrTx, orgId: string, rounds: repo.RoundRow[], members: repo.MemberView[], v: Viewer) {
  const profileIds = [...new Set(members.map((x) => x.p.jobProfileId).filter((x): x is string => !!x))];
  const [skills, profiles, ratings] = await Promise.all([
    repo.profileSkills(db, orgId, profileIds),
    repo.profileNames(db, orgId, profileIds),
    repo.roundRatings(db, orgId, rounds.map((r) => r.id), [...new Set(members.map((x) => x.p.id))]),
  ]);
  const skillsOf = new Map<string, repo.ProfileSkillRow[]>();
  for (const s of skills) skillsOf.set(s.profileId, [...(skillsOf.get(s.profileId) ?? []), s]);
  // Later ratings overwrite earlier ones: a round takes one submission per side, so there is one.
  const rated = new Map<string, number>();
  for (const r of ratings) rated.set(`${r.roundId}:${r.personId}:${r.skillId}:${r.source}`, r.level);
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  return members.map(({ m, p }) => {
    const round = roundById.get(m.roundId)!;
    const open = round.status === 'open';
    const key = (skillId: string, source: string) => rated.get(`${m.roundId}:${p.id}:${skillId}:${source}`) ?? null;
    return {
      personId: p.id,
      name: nameOf(p),
      jobTitle: p.jobTitle,
      profile: p.jobProfileId && profiles.has(p.jobProfileId) ? { id: p.jobProfileId, name: profiles.get(p.jobProfileId)! } : null,
      selfSubmittedAt: iso(m.selfSubmittedAt),
      managerSubmittedAt: iso(m.managerSubmittedAt),
      skills: (p.jobProfileId ? (skillsOf.get(p.jobProfileId) ?? []) : []).map((s) => ({
        id: s.id,
        name: s.name,
        maxLevel: s.maxLevel,
        levels: s.levels ?? [],
        expectedLevel: s.expectedLevel,
        selfLevel: key(s.id, 'self'),
        managerLevel: key(s.id, 'manager'),
      })),
      canSubmitSelf: open && !m.selfSubmittedAt && p.id === v.actor.personId,
      canSubmitManager: open && !m.managerSubmittedAt && p.id !== v.actor.personId,
    };
  });
}

const progressOf = (rows: { selfSubmittedAt: string | null; managerSubmittedAt: string | null }[]) => ({
  members: rows.length,
  selfSubmitted: rows.filter((r) => r.selfSubmittedAt).length,
  managerSubmitted: rows.filter((r) => r.managerSubmittedAt).length,
});

/** The round as the actor may see it; 404 when they may see none of it. */
async function roundView(db: DbOrTx, actor: Actor, id: string) {
  const s = await repo.roundSummary(db, actor.orgId, id);
  if (!s) throw notFound('Assessment round');
  const full = canRunRound(actor, s.r);
  const members = await repo.membersOf(db, actor.orgId, id, full ? undefined : actor.personId);
  if (!full && !members.length) throw notFound('Assessment round');
  const rows = await memberDtos(db, actor.orgId, [s.r], members, { actor, full });
  return {
    ...summaryDto(s, full ? { members: s.members, selfSubmitted: s.selfSubmitted, managerSubmitted: s.managerSubmitted } : progressOf(rows)),
    members: rows,
    canClose: full && s.r.status === 'open',
  };
}

/** Who cannot be a member, or null: an active person holding a job profile that expects skills. */
const ineligible = (c: repo.PersonRow, withSkills: Set<string>) =>
  c.status !== 'active'
    ? 'Inactive'
    : !c.jobProfileId
      ? 'Holds no job profile'
      : !withSkills.has(c.jobProfileId)
        ? 'Their job profile expects no skills'
        : null;

async function profilesWithSkills(db: DbOrTx, orgId: string, people: repo.PersonRow[]) {
  const profileIds = [...new Set(people.map((c) => c.jobProfileId).filter((x): x is string => !!x))];
  const [skills, names] = await Promise.all([repo.profileSkills(db, orgId, profileIds), repo.profileNames(db, orgId, profileIds)]);
  return { withSkills: new Set(skills.map((s) => s.profileId)), names };
}

/** At most this many candidates are offered for a round (the people below the actor, by name). */
const MAX_CANDIDATES = 500;

/** The people the actor may put in a round (everyone below them), direct reports first, and whether each can rate. */
export async function roundCandidates(ctx: AppContext, actor: Actor) {
  const people = await repo.activeBelow(ctx.db, actor.orgId, actor.personId, MAX_CANDIDATES);
  const { withSkills, names: profiles } = await profilesWithSkills(ctx.db, actor.orgId, people);
  const data = people.map((p) => {
    const reason = ineligible(p, withSkills);
    return {
      personId: p.id,
      name: nameOf(p),
      jobTitle: p.jobTitle,
      profile: p.jobProfileId && profiles.has(p.jobProfileId) ? { id: p.jobProfileId, name: profiles.get(p.jobProfileId)! } : null,
      directReport: p.managerId === actor.personId,
      eligible: !reason,
      reason,
    };
  });
  data.sort((a, b) => Number(b.directReport) - Number(a.directReport));
  return { data };
}

type Skipped = { personId: string; name: string; reason: string };

export async function createRound(ctx: AppContext, actor: Actor, input: zo.infer<typeof RoundCreate>, requestId?: string) {
  const now = ctx.clock.now();
  const dueAt = input.dueAt ? new Date(input.dueAt) : null;
  if (dueAt && dueAt <= now) throw validationFailed('The due date has passed', [{ path: 'dueAt', message: 'Choose a date in the future' }]);
  return ctx.db.transaction(async (tx) => {
    const [me] = await repo.peopleByIds(tx, actor.orgId, [actor.personId]);
    const explicit = input.personIds !== undefined;
    const ids = explicit ? [...new Set(input.personIds)] : [];
    let candidates: repo.PersonRow[];
    if (explicit) {
      if (ids.includes(actor.personId)) {
        throw new AppError('unprocessable', 'You cannot be a member of your own round', [
          { path: `personIds.${input.personIds!.indexOf(actor.personId)}`, message: 'Rate your own skills on My growth' },
        ]);
      }
      candidates = await repo.peopleByIds(tx, actor.orgId, ids);
      const allowed = canStartRoundForAnyone(actor) ? new Set(candidates.map((c) => c.id)) : await repo.belowAmong(tx, actor.orgId, actor.personId, ids);
      // Someone of another organisation, or not in the actor's chain, is not theirs to know of.
      if (ids.some((i) => !allowed.has(i))) throw notFound('Person');
    } else {
      candidates = await repo.directReports(tx, actor.orgId, actor.personId);
      if (!candidates.length) {
        throw new AppError('unprocessable', 'You have no direct reports; choose the people of the round', [
          { path: 'personIds', message: 'Choose at least one person' },
        ]);
      }
    }
    const { withSkills } = await profilesWithSkills(tx, actor.orgId, candidates);
    const why = (c: repo.PersonRow) => ineligible(c, withSkills);
    const skipped: Skipped[] = candidates.flatMap((c) => {
      const reason = why(c);
      return reason ? [{ personId: c.id, name: nameOf(c), reason }] : [];
    });
    if (explicit && skipped.length) {
      // Named people are refused rather than dropped, so nobody is silently left out.
      const order = new Map(ids.map((id, i) => [id, i]));
      skipped.sort((a, b) => order.get(a.personId)! - order.get(b.personId)!);
      throw new AppError(
        'unprocessable',
        `${names(skipped.map((s) => s.name))} cannot rate their skills yet: each member needs an active job profile that expects skills`,
        skipped.map((s): ErrorDetail => ({ path: `personIds.${input.personIds!.indexOf(s.personId)}`, personId: s.personId, message: `${s.name}: ${s.reason}` })),
      );
    }
    const members = candidates.filter((c) => !why(c));
    if (!members.length) {
      throw new AppError('unprocessable', 'None of your direct reports holds a job profile that expects skills', [
        ...skipped.map((s) => ({ personId: s.personId, message: `${s.name}: ${s.reason}` })),
      ]);
    }
    const round = await repo.insertRound(tx, { orgId: actor.orgId, managerId: actor.personId, title: input.title, dueAt, status: 'open', createdAt: now });
    await repo.insertMembers(tx, actor.orgId, round.id, members.map((m) => m.id));
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'assessment_round.created',
      recordType: 'assessment_round',
      recordId: round.id,
      after: { title: round.title, dueAt: iso(dueAt), memberIds: members.map((m) => m.id), skipped: skipped.map((s) => s.personId) },
    });
    const by = me ? nameOf(me) : 'Your manager';
    const due = dueAt ? ` by ${dueAt.toISOString().slice(0, 10)}` : '';
    await notifyMany(
      ctx,
      tx,
      members.map((m) => ({
        orgId: actor.orgId,
        personId: m.id,
        kind: 'talent.assessment_round_started',
        title: `${by} asked you to rate your skills`,
        body: `${round.title}: rate the skills of your job profile${due} on My growth. ${by} will then add their rating.`,
        link: MY_GROWTH,
        email: true,
      })),
    );
    return { ...(await roundView(tx, actor, round.id)), skipped };
  });
}

export async function getRound(ctx: AppContext, actor: Actor, id: string) {
  return roundView(ctx.db, actor, id);
}

export async function listRounds(ctx: AppContext, actor: Actor, q: zo.infer<typeof RoundsQuery>) {
  const limit = q.limit ?? 50;
  const rows = await repo.roundsRunBy(ctx.db, actor.orgId, actor.personId, {
    status: q.status,
    limit: limit + 1,
    before: decodeCursor(q.cursor, z.tuple([z.iso.datetime({ offset: true }), z.uuid()])),
  });
  const { data, nextCursor } = keysetPage(rows, limit, (last) => [last.r.createdAt.toISOString(), last.r.id]);
  return { data: data.map((s) => summaryDto(s, { members: s.members, selfSubmitted: s.selfSubmitted, managerSubmitted: s.managerSubmitted })), nextCursor };
}

export async function listMyRounds(ctx: AppContext, actor: Actor) {
  const rows = await repo.roundsOfMember(ctx.db, actor.orgId, actor.personId, MAX_MY_ROUNDS);
  if (!rows.length) return { data: [], nextCursor: null };
  const [me] = await repo.peopleByIds(ctx.db, actor.orgId, [actor.personId]);
  const mine = await memberDtos(
    ctx.db,
    actor.orgId,
    rows.map((x) => x.r),
    rows.map((x) => ({ m: x.m, p: me! })),
    { actor, full: false },
  );
  return {
    data: rows.map((x, i) => {
      const { progress: _, ...summary } = summaryDto(x, { members: 0, selfSubmitted: 0, managerSubmitted: 0 });
      return { ...summary, me: mine[i]! };
    }),
    nextCursor: null,
  };
}

/** The round and member, locked, when the actor may see the member's row; 404 otherwise. */
async function memberFor(tx: DbOrTx, actor: Actor, roundId: string, personId: string) {
  const round = await repo.findRound(tx, actor.orgId, roundId, true);
  const member = round && (await repo.findMember(tx, actor.orgId, roundId, personId, true));
  if (!round || !member) throw notFound('Assessment round member');
  const [p] = await repo.peopleByIds(tx, actor.orgId, [personId]);
  const seesRow = actor.personId === personId || (await canRateMemberAsManager(tx, actor, round, personId));
  if (!seesRow) throw notFound('Assessment round member');
  return { round, member, person: p! };
}

/** Checks one submission against the member's profile: every skill once, each level on its scale. */
function checkRatings(ratings: zo.infer<typeof RoundRatings>['ratings'], skills: repo.ProfileSkillRow[], who: string) {
  const bySkill = new Map(skills.map((s) => [s.id, s]));
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  ratings.forEach((r, i) => {
    const s = bySkill.get(r.skillId);
    if (!s) details.push({ path: `ratings.${i}.skillId`, message: `Not a skill of ${who}’s job profile` });
    else if (seen.has(r.skillId)) details.push({ path: `ratings.${i}.skillId`, message: `${s.name} is rated twice` });
    else if (r.level > s.maxLevel) details.push({ path: `ratings.${i}.level`, message: `${s.name} runs from level 1 to ${s.maxLevel}` });
    seen.add(r.skillId);
  });
  const missing = skills.filter((s) => !seen.has(s.id));
  for (const s of missing) details.push({ path: 'ratings', skillId: s.id, message: `Rate ${s.name}` });
  if (details.length) {
    const outside = details.find((d) => d.path?.endsWith('.level'));
    throw validationFailed(outside ? outside.message : missing.length ? `Rate every skill of the profile (${missing.length} missing)` : 'These ratings do not match the profile', details);
  }
}

export async function submitRatings(
  ctx: AppContext,
  actor: Actor,
  which: 'self' | 'manager',
  roundId: string,
  personId: string,
  input: zo.infer<typeof RoundRatings>,
  requestId?: string,
) {
  return ctx.db.transaction(async (tx) => {
    const { round, member, person } = await memberFor(tx, actor, roundId, personId);
    const who = nameOf(person);
    if (which === 'self' && actor.personId !== personId) {
      throw new AppError('forbidden', `Only ${who} can submit their self-assessment; add your rating as their manager instead`);
    }
    if (which === 'manager' && !(await canRateMemberAsManager(tx, actor, round, personId))) {
      throw new AppError('forbidden', 'Your manager rates your skills in this round; submit your self-assessment instead');
    }
    if (round.status !== 'open') throw conflict('This round is closed and takes no more ratings');
    if ((which === 'self' ? member.selfSubmittedAt : member.managerSubmittedAt) !== null) {
      throw conflict(which === 'self' ? 'You have already rated your skills in this round' : `${who} has already been rated as manager in this round`);
    }
    const skills = person.jobProfileId ? await repo.profileSkills(tx, actor.orgId, [person.jobProfileId]) : [];
    if (!skills.length) throw new AppError('unprocessable', `${who} holds no job profile that expects skills any more`);
    checkRatings(input.ratings, skills, who);
    const now = ctx.clock.now();
    await recordAssessments(
      tx,
      actor.orgId,
      input.ratings.map((r) => ({
        personId,
        skillId: r.skillId,
        level: r.level,
        source: which,
        assessedAt: now,
        assessorId: actor.personId,
        note: r.note || null,
        roundId,
      })),
      { by: actorRef(actor, requestId), now },
    );
    const after = await repo.markSubmitted(tx, actor.orgId, roundId, personId, which, now);
    await recordChange(tx, actorRef(actor, requestId), {
      action: `assessment_round.${which}_submitted`,
      recordType: 'assessment_round',
      recordId: roundId,
      after: { personId, skills: input.ratings.length },
    });
    if (which === 'self' && round.managerId !== actor.personId) {
      const s = (await repo.roundSummary(tx, actor.orgId, roundId))!;
      await notify(ctx, tx, {
        orgId: actor.orgId,
        personId: round.managerId,
        kind: 'talent.assessment_round_self_submitted',
        title: `${who} rated their skills`,
        body: `${round.title}: ${s.selfSubmitted} of ${s.members} have rated themselves. Add your rating of ${person.firstName}.`,
        link: roundLink(roundId),
      });
    }
    if (which === 'manager') {
      const [rater] = await repo.peopleByIds(tx, actor.orgId, [actor.personId]);
      await notify(ctx, tx, {
        orgId: actor.orgId,
        personId,
        kind: 'talent.assessment_round_manager_submitted',
        title: `${rater ? nameOf(rater) : 'Your manager'} rated your skills`,
        body: `${round.title}: see their rating beside yours on My growth.`,
        link: MY_GROWTH,
      });
    }
    const [row] = await memberDtos(tx, actor.orgId, [round], [{ m: after, p: person }], { actor, full: canRunRound(actor, round) });
    return row!;
  });
}

export async function closeRound(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const round = await repo.findRound(tx, actor.orgId, id, true);
    if (!round) throw notFound('Assessment round');
    if (!canRunRound(actor, round)) {
      await roundView(tx, actor, id); // 404 unless they see some of it
      throw new AppError('forbidden', 'Only the manager running the round or an HR admin can close it');
    }
    if (round.status === 'closed') throw conflict('This round is already closed');
    const closed = await repo.closeRound(tx, actor.orgId, id, ctx.clock.now());
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'assessment_round.closed',
      recordType: 'assessment_round',
      recordId: id,
      before: { status: round.status },
      after: { status: closed.status, closedAt: iso(closed.closedAt) },
    });
    return roundView(tx, actor, id);
  });
}

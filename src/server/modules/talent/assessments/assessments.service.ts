import { z } from 'zod';
import type { z as zo } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { AssessmentSource } from '../../../db/schema/talent.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError, conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { actorRef, emit, recordChange, recordChanges, systemRef, type Change } from '../../platform/index.ts';
import { requirePermission } from '../../org/index.ts';
import {
  canManageTalentSettings, canRateAsManager, canRateAsManagerFound, canReadTalentOf, canReadTalentOfFound, canSelfAssess,
} from '../talent.policy.ts';
import { SKILL_ASSESSED } from '../talent.events.ts';
import { currentLevel, DEFAULT_HALF_LIFE_DAYS, DEFAULT_SOURCE_WEIGHTS, resolveSettings, type CurrentLevel, type LevelSettings } from './current-level.ts';
import type { AssessmentCreate, AssessmentsQuery, TalentSettingsUpdate } from './assessments.schemas.ts';
import * as repo from './assessments.repo.ts';

const iso = (d: Date) => d.toISOString();

export const assessmentDto = (a: repo.AssessmentRow, assessorName: string | null, skillName?: string) => ({
  id: a.id,
  personId: a.personId,
  skillId: a.skillId,
  ...(skillName !== undefined && { skillName }),
  level: a.level,
  source: a.source,
  assessorId: a.assessorId,
  assessorName,
  assessedAt: iso(a.assessedAt),
  note: a.note,
  evidenceUrl: a.evidenceUrl,
  sourceRecordType: a.sourceRecordType,
  sourceRecordId: a.sourceRecordId,
});

async function settingsOf(db: DbOrTx, orgId: string): Promise<LevelSettings> {
  return resolveSettings(await repo.getSettings(db, orgId));
}

type Pair = { personId: string; skillId: string };
const pairKey = (p: Pair) => `${p.personId}:${p.skillId}`;

/** Groups assessments by (person, skill), applies the rule and writes person_skill in batches. */
async function writeLevels(tx: DbOrTx, orgId: string, rows: repo.AssessmentRow[], pairs: Pair[], settings: LevelSettings, now: Date) {
  const byPair = new Map<string, repo.AssessmentRow[]>();
  for (const r of rows) {
    const k = pairKey(r);
    const list = byPair.get(k);
    if (list) list.push(r);
    else byPair.set(k, [r]);
  }
  const upserts: repo.PersonSkillValues[] = [];
  const removed: Pair[] = [];
  const levels = new Map<string, CurrentLevel | null>();
  for (const p of pairs) {
    const r = currentLevel(byPair.get(pairKey(p)) ?? [], settings);
    levels.set(pairKey(p), r);
    if (r) upserts.push({ ...p, level: r.level, basisAssessmentId: r.basisAssessmentId, assessmentCount: r.assessmentCount });
    else removed.push(p);
  }
  await repo.upsertPersonSkills(tx, orgId, upserts, now);
  await repo.deletePersonSkills(tx, orgId, removed);
  return levels;
}

/** Recomputes the person_skill rows of these pairs from their assessments. */
export async function recomputePairs(tx: DbOrTx, orgId: string, pairs: Pair[], now: Date, settings?: LevelSettings) {
  const unique = [...new Map(pairs.map((p) => [pairKey(p), { personId: p.personId, skillId: p.skillId }])).values()];
  const rows = await repo.assessmentsOfPairs(tx, orgId, unique);
  return writeLevels(tx, orgId, rows, unique, settings ?? (await settingsOf(tx, orgId)), now);
}

/**
 * Recomputes every person_skill row of the organisation (after its settings changed), inline in
 * the caller's transaction, 200 people's assessments at a time: one read and one batched upsert
 * per batch, so even a large organisation takes a few round trips per thousand people.
 */
export async function recomputeOrganisation(tx: DbOrTx, orgId: string, now: Date, settings?: LevelSettings) {
  const s = settings ?? (await settingsOf(tx, orgId));
  const people = await repo.assessedPeople(tx, orgId);
  for (let i = 0; i < people.length; i += 200) {
    const rows = await repo.assessmentsOfPeople(tx, orgId, people.slice(i, i + 200));
    const pairs = [...new Map(rows.map((r) => [pairKey(r), { personId: r.personId, skillId: r.skillId }])).values()];
    await writeLevels(tx, orgId, rows, pairs, s, now);
  }
  return people.length;
}

export type SystemAssessment = {
  personId: string;
  skillId: string;
  level: number;
  source: AssessmentSource;
  assessedAt: Date;
  assessorId?: string | null;
  note?: string | null;
  evidenceUrl?: string | null;
  sourceRecordType?: string | null;
  sourceRecordId?: string | null;
  roundId?: string | null;
};

/**
 * Records many assessments (quiz, checkpoint, import, review; the demo seed) in the caller's
 * transaction: one insert (a repeated source record + skill is skipped, so redelivery is
 * harmless), one recompute of the affected person_skill rows, one SKILL_ASSESSED per assessment.
 * Levels are clamped to the skill's scale; skills of another organisation are dropped.
 */
export async function recordAssessments(
  tx: DbOrTx,
  orgId: string,
  rows: SystemAssessment[],
  /** `record: false` skips the per-assessment audit and events (the demo seed records itself once). */
  opts: { by?: ActorRef; now?: Date; record?: boolean } = {},
): Promise<repo.AssessmentRow[]> {
  if (!rows.length) return [];
  const skills = new Map((await repo.findSkills(tx, orgId, [...new Set(rows.map((r) => r.skillId))])).map((s) => [s.id, s]));
  const values = rows
    .filter((r) => skills.has(r.skillId))
    .map((r) => ({
      orgId,
      personId: r.personId,
      skillId: r.skillId,
      level: Math.max(1, Math.min(skills.get(r.skillId)!.maxLevel, Math.round(r.level))),
      source: r.source,
      assessorId: r.assessorId ?? null,
      assessedAt: r.assessedAt,
      note: r.note ?? null,
      evidenceUrl: r.evidenceUrl ?? null,
      sourceRecordType: r.sourceRecordType ?? null,
      sourceRecordId: r.sourceRecordId ?? null,
      roundId: r.roundId ?? null,
    }));
  const inserted = await repo.insertAssessments(tx, values);
  if (!inserted.length) return [];
  await recomputePairs(tx, orgId, inserted, opts.now ?? new Date());
  if (opts.record === false) return inserted;
  const by = opts.by ?? systemRef(orgId);
  await recordChanges(tx, by, inserted.map((a) => assessedChange(a)));
  return inserted;
}

function assessedChange(a: repo.AssessmentRow, currentLevelAfter?: number | null): Change {
  return {
    action: 'skill_assessment.created',
    recordType: 'skill_assessment',
    recordId: a.id,
    after: { personId: a.personId, skillId: a.skillId, level: a.level, source: a.source, ...(currentLevelAfter !== undefined && { currentLevel: currentLevelAfter }) },
    emits: emit(SKILL_ASSESSED, { personId: a.personId, skillId: a.skillId, assessmentId: a.id, source: a.source }),
  };
}

const personName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

export async function createAssessment(ctx: AppContext, actor: Actor, input: zo.infer<typeof AssessmentCreate>, requestId?: string) {
  const target = await repo.findPerson(ctx.db, actor.orgId, input.personId);
  if (!target) throw notFound('Person');
  const canRead = await canReadTalentOf(ctx.db, actor, input.personId);
  if (input.source === 'self') {
    if (!canSelfAssess(actor, input.personId)) {
      if (!canRead) throw notFound('Person');
      throw new AppError('forbidden', `Only ${personName(target)} can self-assess; rate them as their manager instead`, [
        { path: 'source', message: 'A self-assessment is the person’s own' },
      ]);
    }
  } else if (actor.personId === input.personId) {
    throw new AppError('unprocessable', 'You cannot rate yourself as your manager; record a self-assessment instead', [
      { path: 'source', message: 'Use source "self" for your own rating' },
    ]);
  } else if (!(await canRateAsManager(ctx.db, actor, input.personId))) {
    if (!canRead) throw notFound('Person');
    throw new AppError('forbidden', `Only someone above ${personName(target)} in the reporting chain can rate them as manager`, [
      { path: 'source', message: 'You are not their manager' },
    ]);
  }
  const sk = await repo.findSkill(ctx.db, actor.orgId, input.skillId);
  if (!sk) throw validationFailed('No such skill', [{ path: 'skillId', message: 'Choose a skill of this organisation' }]);
  if (sk.archivedAt || sk.mergedIntoId) {
    throw conflict(`${sk.name} is archived and takes no new assessments`, [{ path: 'skillId', message: 'This skill is archived' }]);
  }
  if (input.level > sk.maxLevel) {
    throw validationFailed(`${sk.name} runs from level 1 to ${sk.maxLevel}`, [{ path: 'level', message: `Choose a level from 1 to ${sk.maxLevel}` }]);
  }
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [a] = await repo.insertAssessments(tx, [
      {
        orgId: actor.orgId,
        personId: input.personId,
        skillId: input.skillId,
        level: input.level,
        source: input.source,
        assessorId: actor.personId,
        assessedAt: now,
        note: input.note || null,
        evidenceUrl: input.evidenceUrl || null,
        createdAt: now,
      },
    ]);
    const levels = await recomputePairs(tx, actor.orgId, [a!], now);
    const level = levels.get(pairKey(a!))?.level ?? null;
    await recordChange(tx, actorRef(actor, requestId), assessedChange(a!, level));
    const me = await repo.findPerson(tx, actor.orgId, actor.personId);
    return { ...assessmentDto(a!, me ? personName(me) : null), currentLevel: level };
  });
}

async function assertCanRead(ctx: AppContext, actor: Actor, personId: string) {
  if (!(await repo.findPerson(ctx.db, actor.orgId, personId)) || !(await canReadTalentOf(ctx.db, actor, personId))) throw notFound('Person');
}

export async function listAssessments(ctx: AppContext, actor: Actor, q: zo.infer<typeof AssessmentsQuery>) {
  await assertCanRead(ctx, actor, q.personId);
  const limit = q.limit ?? 50;
  const rows = await repo.listAssessments(
    ctx.db,
    actor.orgId,
    { personId: q.personId, skillId: q.skillId },
    { limit: limit + 1, before: decodeCursor(q.cursor, z.tuple([z.iso.datetime({ offset: true }), z.uuid()])) },
  );
  const { data, nextCursor } = keysetPage(rows, limit, (last) => [iso(last.a.assessedAt), last.a.id]);
  return { data: data.map((r) => assessmentDto(r.a, r.assessorName, r.skillName)), nextCursor };
}

export async function personSkills(ctx: AppContext, actor: Actor, personId: string) {
  // One statement; the chain is walked for anyone but the person (it also answers canRateAsManager).
  const page = await repo.personSkillsPage(ctx.db, actor.orgId, personId, { personId: actor.personId, chainMatters: actor.personId !== personId });
  if (!page || !canReadTalentOfFound(actor, personId, page.viewerAbove)) throw notFound('Person');
  const rows = page.skills.map((s) => {
    const exp = s.expectedLevel;
    const gap = exp !== null && s.currentLevel !== null ? Math.round((exp - s.currentLevel) * 10) / 10 : exp;
    return {
      skill: { id: s.id, name: s.name, category: s.category, maxLevel: s.maxLevel, levels: s.levels ?? [], archived: s.archived },
      expectedLevel: exp,
      currentLevel: s.currentLevel,
      gap: gap !== null && gap > 0 ? gap : null,
      basis: s.basis ? { ...s.basis, assessedAt: iso(new Date(s.basis.assessedAt)) } : null,
      latestSelfLevel: s.latestSelfLevel,
      latestManagerLevel: s.latestManagerLevel,
      assessmentCount: s.assessmentCount ?? 0,
    };
  });
  // Expected skills first (largest gap first), then the others by name.
  rows.sort(
    (x, y) =>
      Number(y.expectedLevel !== null) - Number(x.expectedLevel !== null) ||
      (y.gap ?? 0) - (x.gap ?? 0) ||
      x.skill.name.localeCompare(y.skill.name),
  );
  return {
    profile: page.profile,
    canSelfAssess: canSelfAssess(actor, personId),
    canRateAsManager: canRateAsManagerFound(actor, personId, page.viewerAbove),
    skills: rows,
  };
}

export async function skillHistory(ctx: AppContext, actor: Actor, personId: string, skillId: string) {
  const p = await repo.findPerson(ctx.db, actor.orgId, personId);
  if (!p || !(await canReadTalentOf(ctx.db, actor, personId))) throw notFound('Person');
  const s = await repo.findSkill(ctx.db, actor.orgId, skillId);
  if (!s) throw notFound('Skill');
  const [rows, settings, expected] = await Promise.all([
    repo.assessmentsOfPerson(ctx.db, actor.orgId, personId, skillId),
    settingsOf(ctx.db, actor.orgId),
    p.jobProfileId ? repo.profileSkills(ctx.db, actor.orgId, p.jobProfileId) : [],
  ]);
  const points = rows.map((r, i) => ({
    ...assessmentDto(r.a, r.assessorName),
    currentLevelAfter: currentLevel(rows.slice(0, i + 1).map((x) => x.a), settings)?.level ?? null,
  }));
  return {
    skill: { id: s.id, name: s.name, maxLevel: s.maxLevel, levels: s.levels ?? [] },
    expectedLevel: expected.find((e) => e.skillId === skillId)?.level ?? null,
    points,
  };
}

const defaults = { sourceWeights: DEFAULT_SOURCE_WEIGHTS, halfLifeDays: DEFAULT_HALF_LIFE_DAYS };

export async function getTalentSettings(ctx: AppContext, actor: Actor) {
  requirePermission(actor, canManageTalentSettings);
  return { ...(await settingsOf(ctx.db, actor.orgId)), defaults };
}

export async function updateTalentSettings(ctx: AppContext, actor: Actor, input: zo.infer<typeof TalentSettingsUpdate>, requestId?: string) {
  requirePermission(actor, canManageTalentSettings);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const beforeRow = await repo.getSettings(tx, actor.orgId);
    const before = resolveSettings(beforeRow);
    const weights = Object.fromEntries(Object.entries(input.sourceWeights).filter(([, v]) => v !== undefined)) as Record<string, number>;
    await repo.upsertSettings(tx, actor.orgId, { sourceWeights: weights, halfLifeDays: input.halfLifeDays }, now);
    const after = resolveSettings({ sourceWeights: weights, halfLifeDays: input.halfLifeDays });
    const recomputed = await recomputeOrganisation(tx, actor.orgId, now, after);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'talent_settings.updated',
      recordType: 'talent_settings',
      recordId: actor.orgId,
      before,
      after: { ...after, recomputedPeople: recomputed },
    });
    return { ...after, defaults };
  });
}

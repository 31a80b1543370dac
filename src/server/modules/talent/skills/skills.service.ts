import { z } from 'zod';
import type { z as zo } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, emit, recordChange } from '../../platform/index.ts';
import type { SkillCreate, SkillMerge, SkillRescale, SkillsQuery, SkillUpdate } from './skills.schemas.ts';
import { mappingProblems, proportionalMapping } from './skills.rescale.ts';
import { recomputePairs } from '../assessments/index.ts';
import { SKILLS_CHANGED } from '../talent.events.ts';
import { requirePermission } from '../../org/index.ts';
import { canManageSkills } from '../talent.policy.ts';
import * as repo from './skills.repo.ts';

export const skillDto = (s: repo.SkillRow) => ({
  id: s.id,
  name: s.name,
  category: s.category,
  description: s.description,
  maxLevel: s.maxLevel,
  levels: s.levels ?? [],
  archivedAt: s.archivedAt?.toISOString() ?? null,
  mergedIntoId: s.mergedIntoId,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
export type SkillDto = ReturnType<typeof skillDto>;

const audit = (s: repo.SkillRow) => ({ name: s.name, category: s.category, description: s.description, maxLevel: s.maxLevel, levels: s.levels });

export async function listSkills(ctx: AppContext, actor: Actor, query: zo.infer<typeof SkillsQuery>) {
  const limit = query.limit ?? 50;
  const rows = await repo.listSkills(
    ctx.db,
    actor.orgId,
    { q: query.q, category: query.category, includeArchived: query.includeArchived === 'true' },
    { limit: limit + 1, after: decodeCursor(query.cursor, z.tuple([z.string(), z.uuid()])) },
  );
  const { data, nextCursor } = keysetPage(rows, limit, (last) => [last.name.toLowerCase(), last.id]);
  return { data: data.map(skillDto), nextCursor };
}

export async function getSkill(ctx: AppContext, actor: Actor, id: string): Promise<SkillDto> {
  const s = await repo.findSkill(ctx.db, actor.orgId, id);
  if (!s) throw notFound('Skill');
  return skillDto(s);
}

async function assertNameFree(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const other = await repo.findSkillByName(db, orgId, name);
  if (other && other.id !== exceptId) {
    throw conflict(`A skill named "${name}" already exists`, [{ path: 'name', message: 'Already used in this organisation' }]);
  }
}

export async function createSkill(ctx: AppContext, actor: Actor, input: zo.infer<typeof SkillCreate>, requestId?: string) {
  requirePermission(actor, canManageSkills);
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, actor.orgId, input.name);
    const now = ctx.clock.now();
    const row = await repo.insertSkill(tx, {
      orgId: actor.orgId,
      name: input.name,
      category: input.category || null,
      description: input.description || null,
      maxLevel: input.maxLevel ?? 5,
      levels: input.levels ?? [],
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(tx, actorRef(actor, requestId), { action: 'skill.created', recordType: 'skill', recordId: row.id, after: audit(row) });
    return skillDto(row);
  });
}

export async function updateSkill(ctx: AppContext, actor: Actor, id: string, input: zo.infer<typeof SkillUpdate>, requestId?: string) {
  requirePermission(actor, canManageSkills);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findSkill(tx, actor.orgId, id);
    if (!before) throw notFound('Skill');
    if (input.name) await assertNameFree(tx, actor.orgId, input.name, id);
    const maxLevel = input.maxLevel ?? before.maxLevel;
    const levels = input.levels ?? before.levels ?? [];
    if (levels.length > maxLevel) {
      throw validationFailed('Too many level descriptors', [{ path: 'levels', message: `At most ${maxLevel} level descriptors` }]);
    }
    if (input.maxLevel !== undefined && input.maxLevel !== before.maxLevel) {
      // A recorded level means something on its scale: a new scale maps them (rescale), never silently.
      const used = (await repo.levelUsage(tx, actor.orgId, id)).length > 0;
      if (used) {
        throw conflict('Levels of this skill are recorded: rescale it to map them to the new scale', [
          { path: 'maxLevel', message: 'Use "Change scale", which shows how each level maps before applying it' },
        ]);
      }
    }
    const patch = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.category !== undefined && { category: input.category || null }),
      ...(input.description !== undefined && { description: input.description || null }),
      ...(input.maxLevel !== undefined && { maxLevel: input.maxLevel }),
      ...(input.levels !== undefined && { levels: input.levels }),
    };
    if (!Object.keys(patch).length) return skillDto(before);
    const after = await repo.updateSkill(tx, actor.orgId, id, patch, ctx.clock.now());
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'skill.updated',
      recordType: 'skill',
      recordId: id,
      before: audit(before),
      after: audit(after),
    });
    return skillDto(after);
  });
}

export async function deleteSkill(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  requirePermission(actor, canManageSkills);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findSkill(tx, actor.orgId, id);
    if (!before) throw notFound('Skill');
    if ((await repo.skillRecordCount(tx, actor.orgId, id)) > 0) {
      throw conflict('People are assessed on this skill or job profiles expect it: archive it instead, or merge it into another');
    }
    await repo.deleteSkill(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), { action: 'skill.deleted', recordType: 'skill', recordId: id, before: audit(before) });
  });
}

async function editableSkill(tx: DbOrTx, orgId: string, id: string) {
  const s = await repo.findSkill(tx, orgId, id);
  if (!s || s.mergedIntoId) throw notFound('Skill');
  return s;
}

/** Archived: kept on the records that have it, offered for nothing new (courses, profiles, assessments). */
export async function setSkillArchived(ctx: AppContext, actor: Actor, id: string, archived: boolean, requestId?: string): Promise<SkillDto> {
  requirePermission(actor, canManageSkills);
  return ctx.db.transaction(async (tx) => {
    const before = await editableSkill(tx, actor.orgId, id);
    if (!!before.archivedAt === archived) return skillDto(before);
    const after = await repo.updateSkill(tx, actor.orgId, id, { archivedAt: archived ? ctx.clock.now() : null }, ctx.clock.now());
    await recordChange(tx, actorRef(actor, requestId), {
      action: archived ? 'skill.archived' : 'skill.unarchived',
      recordType: 'skill',
      recordId: id,
      before: { archivedAt: before.archivedAt?.toISOString() ?? null },
      after: { archivedAt: after.archivedAt?.toISOString() ?? null },
      emits: emit(SKILLS_CHANGED, { skillIds: [id] }),
    });
    return skillDto(after);
  });
}

/**
 * A duplicate merged into the skill that stays: courses, profile expectations, assessments and
 * plan items follow it (a course or profile naming both keeps the higher level), current levels
 * are recomputed from the moved assessments, and the duplicate is archived pointing at the other.
 */
export async function mergeSkill(ctx: AppContext, actor: Actor, id: string, input: zo.infer<typeof SkillMerge>, requestId?: string) {
  requirePermission(actor, canManageSkills);
  if (input.intoId === id) throw validationFailed('A skill cannot be merged into itself', [{ path: 'intoId', message: 'Choose another skill' }]);
  return ctx.db.transaction(async (tx) => {
    const from = await editableSkill(tx, actor.orgId, id);
    const into = await repo.findSkill(tx, actor.orgId, input.intoId);
    if (!into || into.mergedIntoId) throw validationFailed('No such skill in this organisation', [{ path: 'intoId', message: 'Choose a skill of this organisation' }]);
    if (into.archivedAt) throw validationFailed(`${into.name} is archived`, [{ path: 'intoId', message: 'Unarchive it first, or choose another skill' }]);
    if (into.maxLevel !== from.maxLevel) {
      throw validationFailed(`${from.name} has ${from.maxLevel} levels and ${into.name} ${into.maxLevel}`, [
        { path: 'intoId', message: `Rescale ${from.name} to ${into.maxLevel} levels first, so its levels mean the same` },
      ]);
    }
    const now = ctx.clock.now();
    const people = await repo.assessedPeople(tx, actor.orgId, [id, into.id]);
    const moved = await repo.mergeSkillRecords(tx, actor.orgId, id, into.id);
    await recomputePairs(tx, actor.orgId, people.map((personId) => ({ personId, skillId: into.id })), now);
    const after = await repo.updateSkill(tx, actor.orgId, id, { archivedAt: from.archivedAt ?? now, mergedIntoId: into.id }, now);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'skill.merged',
      recordType: 'skill',
      recordId: id,
      before: audit(from),
      after: { mergedInto: { id: into.id, name: into.name }, moved },
      emits: emit(SKILLS_CHANGED, { skillIds: [id, into.id] }),
    });
    return { skill: skillDto(after), moved };
  });
}

/**
 * A new scale with each old level mapped onto it: without `apply`, only the plan (how many
 * assessments, expectations and course levels sit at each level and where they would go).
 */
export async function rescaleSkill(ctx: AppContext, actor: Actor, id: string, input: zo.infer<typeof SkillRescale>, requestId?: string) {
  requirePermission(actor, canManageSkills);
  return ctx.db.transaction(async (tx) => {
    const before = await editableSkill(tx, actor.orgId, id);
    const mapping = input.mapping ?? proportionalMapping(before.maxLevel, input.maxLevel);
    const problems = mappingProblems(mapping, before.maxLevel, input.maxLevel);
    if (problems.length) throw validationFailed(problems[0]!, problems.map((message) => ({ path: 'mapping', message })));
    const usage = new Map((await repo.levelUsage(tx, actor.orgId, id)).map((u) => [u.level, u]));
    const levels = mapping.map((to, i) => {
      const u = usage.get(i + 1);
      return { from: i + 1, to, assessments: u?.assessments ?? 0, expectations: u?.expectations ?? 0, courses: u?.courses ?? 0 };
    });
    const plan = { fromMaxLevel: before.maxLevel, toMaxLevel: input.maxLevel, levels };
    if (!input.apply) return { ...plan, applied: false };
    const now = ctx.clock.now();
    await repo.mapLevels(tx, actor.orgId, id, mapping);
    const descriptors = (before.levels ?? []).slice(0, input.maxLevel);
    const after = await repo.updateSkill(tx, actor.orgId, id, { maxLevel: input.maxLevel, levels: descriptors }, now);
    const people = await repo.assessedPeople(tx, actor.orgId, [id]);
    await recomputePairs(tx, actor.orgId, people.map((personId) => ({ personId, skillId: id })), now);
    await recordChange(tx, actorRef(actor, requestId), {
      action: 'skill.rescaled',
      recordType: 'skill',
      recordId: id,
      before: audit(before),
      after: { ...audit(after), mapping },
      emits: emit(SKILLS_CHANGED, { skillIds: [id] }),
    });
    return { ...plan, applied: true };
  });
}

import { z } from 'zod';
import type { z as zo } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import { conflict, notFound, validationFailed } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import type { SkillCreate, SkillsQuery, SkillUpdate } from './skills.schemas.ts';
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
    { q: query.q, category: query.category },
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
    if (input.maxLevel !== undefined && input.maxLevel < before.maxLevel) {
      const used = await repo.highestCourseLevel(tx, actor.orgId, id);
      if (used > input.maxLevel) {
        throw conflict(`Courses teach this skill up to level ${used}`, [{ path: 'maxLevel', message: `Courses teach this skill up to level ${used}` }]);
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
    await repo.deleteSkill(tx, actor.orgId, id);
    await recordChange(tx, actorRef(actor, requestId), { action: 'skill.deleted', recordType: 'skill', recordId: id, before: audit(before) });
  });
}

import { personSkill, skill } from '../../src/server/db/schema/index.ts';
import type { TestApp } from './app.ts';

/** A skill of the organisation's framework, straight into the table. */
export async function createSkill(t: TestApp, orgId: string, attrs: Partial<typeof skill.$inferInsert> = {}) {
  const [s] = await t.ctx.db
    .insert(skill)
    .values({ orgId, name: `Skill ${Math.random().toString(36).slice(2, 8)}`, maxLevel: 5, levels: [], ...attrs })
    .returning();
  return s!;
}

/** A person's current level of a skill, as the current-level rule would have kept it. */
export async function setCurrentLevel(t: TestApp, orgId: string, personId: string, skillId: string, level: number) {
  await t.ctx.db
    .insert(personSkill)
    .values({ orgId, personId, skillId, level, assessmentCount: 1 })
    .onConflictDoUpdate({ target: [personSkill.personId, personSkill.skillId], set: { level } });
}

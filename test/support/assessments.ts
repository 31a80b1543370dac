import { jobProfile, jobProfileSkill, skill } from '../../src/server/db/schema/index.ts';
import type { TestApp } from './app.ts';

export async function createSkill(t: TestApp, orgId: string, attrs: Partial<typeof skill.$inferInsert> = {}) {
  const [s] = await t.ctx.db
    .insert(skill)
    .values({ orgId, name: `Skill ${Math.random().toString(36).slice(2, 8)}`, maxLevel: 5, levels: ['Aware', 'Learning', 'Practising', 'Skilled', 'Expert'], ...attrs })
    .returning();
  return s!;
}

/** A job profile expecting these skills at these levels. */
export async function createProfile(t: TestApp, orgId: string, name: string, expects: { skillId: string; level: number }[]) {
  const [p] = await t.ctx.db.insert(jobProfile).values({ orgId, name }).returning();
  if (expects.length) await t.ctx.db.insert(jobProfileSkill).values(expects.map((e) => ({ orgId, profileId: p!.id, ...e })));
  return p!;
}

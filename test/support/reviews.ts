import { eq } from 'drizzle-orm';
import { jobProfile, jobProfileSkill, person, type ReviewTemplateBody } from '../../src/server/db/schema/index.ts';
import type { TestApp } from './app.ts';
import type { Client } from './client.ts';
import { feedbackTeam } from './feedback.ts';
import { createSkill } from './talent.ts';

/** A five-point scale, a rating everyone answers, a private note for managers, skills and goals. */
export const templateBody = (): ReviewTemplateBody => ({
  scale: [
    { value: 1, label: 'Well below' },
    { value: 2, label: 'Below' },
    { value: 3, label: 'Meets' },
    { value: 4, label: 'Exceeds' },
    { value: 5, label: 'Far exceeds' },
  ],
  sections: [
    {
      id: 'overall',
      title: 'Overall',
      questions: [
        { id: 'rating', kind: 'rating', prompt: 'Overall performance', required: true, relationships: ['self', 'manager', 'peer', 'upward'], visibleToSubject: true },
        { id: 'strengths', kind: 'text', prompt: 'What went well?', required: true, relationships: ['self', 'manager', 'peer', 'upward'], visibleToSubject: true },
        { id: 'private', kind: 'text', prompt: 'Note for HR only', required: false, relationships: ['manager'], visibleToSubject: false },
      ],
    },
    { id: 'skills', title: 'Skills', questions: [{ id: 'skills', kind: 'skills', prompt: 'Rate each skill', required: true, relationships: ['manager'], visibleToSubject: true }] },
  ],
  formula: { parts: [{ source: 'manager', weight: 60 }, { source: 'self', weight: 10 }, { source: 'peer', weight: 30 }] },
});

/**
 * The feedback team (boss → manager → emp, peer, peer2; outsider; HR) with emp holding a job
 * profile that expects one skill, and a template ready to launch.
 */
export async function reviewTeam(t: TestApp) {
  const team = await feedbackTeam(t);
  const skill = await createSkill(t, team.org.id, { name: 'Negotiation', maxLevel: 5 });
  const [profile] = await t.ctx.db.insert(jobProfile).values({ orgId: team.org.id, name: 'Account manager' }).returning();
  await t.ctx.db.insert(jobProfileSkill).values({ orgId: team.org.id, profileId: profile!.id, skillId: skill.id, level: 4 });
  await t.ctx.db.update(person).set({ jobProfileId: profile!.id }).where(eq(person.id, team.people.emp.person.id));
  const template = (await team.as.hr.raw.post('review-templates', { name: 'Annual review', body: templateBody() })).body;
  return { ...team, skill, template };
}

export const cycleInput = (templateId: string, over: Record<string, unknown> = {}) => ({
  name: `Cycle ${Math.random().toString(36).slice(2, 8)}`,
  templateId,
  periodStartsOn: '2026-01-01',
  periodEndsOn: '2026-12-31',
  nominationEndsOn: '2027-01-10',
  writingEndsOn: '2027-01-31',
  calibrationEndsOn: '2027-02-10',
  sharingStartsOn: '2027-02-15',
  relationships: { self: true, manager: true, upward: false, peers: { min: 1, max: 2 } },
  ...over,
});

/** A launched cycle of the given people, in the writing phase unless told otherwise. */
export async function launchedCycle(hr: Client, templateId: string, personIds: string[], over: Record<string, unknown> = {}) {
  const created = await hr.raw.post('review-cycles', cycleInput(templateId, { relationships: { self: true, manager: true, upward: false, peers: null }, ...over }));
  if (created.status !== 201) throw new Error(`cycle: ${created.status} ${JSON.stringify(created.body)}`);
  const all = (await hr.raw.get('people?limit=200')).body.data as { id: string }[];
  const excludePersonIds = all.map((p) => p.id).filter((id) => !personIds.includes(id));
  await hr.raw.patch(`review-cycles/${created.body.id}`, { participants: { departmentIds: [], groupIds: [], hiredBefore: null, excludePersonIds } });
  const launched = await hr.raw.post(`review-cycles/${created.body.id}/launch`, {});
  if (launched.status !== 200) throw new Error(`launch: ${launched.status} ${JSON.stringify(launched.body)}`);
  return launched.body.cycle as { id: string; phase: string };
}

/** The id of `reviewer`'s review of `subjectId` in the cycle. */
export async function reviewId(reviewer: Client, cycleId: string, subjectId: string): Promise<string> {
  const mine = (await reviewer.raw.get(`reviews?cycleId=${cycleId}`)).body.data as { id: string; subject: { id: string } }[];
  const r = mine.find((x) => x.subject.id === subjectId);
  if (!r) throw new Error('no such review');
  return r.id;
}

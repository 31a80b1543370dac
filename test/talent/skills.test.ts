import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { and, eq } from 'drizzle-orm';
import { createOrg, createPerson, createUser } from '../support/factories.ts';
import { auditEvent, jobProfile, jobProfileSkill, personSkill, skillAssessment } from '../../src/server/db/schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

async function setup() {
  const org = await createOrg(t);
  const admin = await signInAs(t, await createUser(t, org.id, { roles: ['learning_admin'] }));
  const hr = await signInAs(t, await createUser(t, org.id, { roles: ['hr_admin'] }));
  const emp = await signInAs(t, await createUser(t, org.id));
  return { org, admin, hr, emp };
}

describe('skills', () => {
  it('learning and HR admins manage skills; everyone signed in reads them', async () => {
    const { admin, hr, emp } = await setup();
    const created = await admin.post('skills', { name: 'Negotiation', category: 'Commercial', levels: ['Aware', 'Practising'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Negotiation', maxLevel: 5, levels: ['Aware', 'Practising'], category: 'Commercial' });
    const id = created.body.id;
    expect((await hr.post('skills', { name: 'Coaching', maxLevel: 3 })).status).toBe(201);

    const list = await emp.get('skills');
    expect(list.status).toBe(200);
    expect(list.body.data.map((s: { name: string }) => s.name)).toEqual(['Coaching', 'Negotiation']);
    expect((await emp.get(`skills?q=nego`)).body.data).toHaveLength(1);
    expect((await emp.get(`skills/${id}`)).body.name).toBe('Negotiation');

    const patched = await hr.patch(`skills/${id}`, { maxLevel: 4, description: 'Reaching agreements' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ maxLevel: 4, description: 'Reaching agreements' });

    // Employees cannot write, and are not told the endpoint exists.
    expect((await emp.post('skills', { name: 'Sneaky' })).status).toBe(404);
    expect((await emp.patch(`skills/${id}`, { name: 'X' })).status).toBe(404);
    expect((await emp.delete(`skills/${id}`)).status).toBe(404);

    expect((await admin.delete(`skills/${id}`)).status).toBe(204);
    expect((await emp.get(`skills/${id}`)).status).toBe(404);
  });

  it('names are unique per organisation, ignoring case', async () => {
    const { admin } = await setup();
    expect((await admin.post('skills', { name: 'Data literacy' })).status).toBe(201);
    const dup = await admin.post('skills', { name: 'data LITERACY' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details[0].path).toBe('name');
    const other = await admin.post('skills', { name: 'SQL' });
    expect((await admin.patch(`skills/${other.body.id}`, { name: 'Data Literacy' })).status).toBe(409);
    // Another organisation may use the same name, and cannot see ours.
    const { admin: admin2 } = await setup();
    expect((await admin2.post('skills', { name: 'Data literacy' })).status).toBe(201);
    expect((await admin2.get(`skills/${other.body.id}`)).status).toBe(404);
  });

  it('refuses bad input with the field at fault', async () => {
    const { admin } = await setup();
    const bad = await admin.post('skills', { name: ' ', maxLevel: 11 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'maxLevel']));
    expect((await admin.post('skills', { name: 'Zero', maxLevel: 0 })).status).toBe(400);
    const tooMany = await admin.post('skills', { name: 'Few', maxLevel: 2, levels: ['a', 'b', 'c'] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].path).toBe('levels');
    expect((await admin.raw.post('skills', { name: 'Extra', colour: 'red' })).status).toBe(400);
    const s = await admin.post('skills', { name: 'Ok', maxLevel: 2, levels: ['a', 'b'] });
    const shrink = await admin.patch(`skills/${s.body.id}`, { maxLevel: 1 });
    expect(shrink.status).toBe(400);
    expect(shrink.body.error.details[0].path).toBe('levels');
  });

  it('pages through skills with a cursor', async () => {
    const { admin } = await setup();
    for (const n of ['A', 'B', 'C']) await admin.post('skills', { name: n });
    const first = await admin.get('skills?limit=2');
    expect(first.body.data.map((s: { name: string }) => s.name)).toEqual(['A', 'B']);
    const second = await admin.get(`skills?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((s: { name: string }) => s.name)).toEqual(['C']);
    expect(second.body.nextCursor).toBeNull();
    expect((await admin.get('skills?cursor=nonsense')).status).toBe(400);
  });

  it('archives a skill out of the list and back, and refuses to delete one with records', async () => {
    const { org, admin, emp } = await setup();
    const s = (await admin.post('skills', { name: 'Forecasting' })).body;
    const archived = await admin.post(`skills/${s.id}/archive`, {});
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await emp.get('skills')).body.data).toHaveLength(0);
    expect((await emp.get('skills?includeArchived=true')).body.data.map((x: { name: string }) => x.name)).toEqual(['Forecasting']);
    expect((await emp.post(`skills/${s.id}/archive`, {})).status).toBe(404);
    expect((await admin.post(`skills/${s.id}/unarchive`, {})).body.archivedAt).toBeNull();

    const person = await createPerson(t, org.id);
    await t.ctx.db.insert(skillAssessment).values({ orgId: org.id, personId: person.id, skillId: s.id, level: 3, source: 'import', assessedAt: t.clock.now() });
    const del = await admin.delete(`skills/${s.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.message).toMatch(/archive it instead/);
  });

  it('merges a duplicate: expectations keep the higher level, assessments move, current levels follow, audited', async () => {
    const { org, admin, hr } = await setup();
    const keep = (await admin.post('skills', { name: 'Negotiation' })).body;
    const dup = (await admin.post('skills', { name: 'Negotiating' })).body;
    const [profile] = await t.ctx.db.insert(jobProfile).values({ orgId: org.id, name: 'Account Manager' }).returning();
    await t.ctx.db.insert(jobProfileSkill).values([
      { orgId: org.id, profileId: profile!.id, skillId: keep.id, level: 3 },
      { orgId: org.id, profileId: profile!.id, skillId: dup.id, level: 4 },
    ]);
    const person = await createPerson(t, org.id);
    const at = t.clock.now();
    await t.ctx.db.insert(skillAssessment).values({ orgId: org.id, personId: person.id, skillId: dup.id, level: 2, source: 'manager', assessedAt: at });

    const res = await hr.post(`skills/${dup.id}/merge`, { intoId: keep.id });
    expect(res.status).toBe(200);
    expect(res.body.moved).toEqual({ courses: 0, expectations: 1, assessments: 1, planItems: 0 });
    expect(res.body.skill).toMatchObject({ mergedIntoId: keep.id });
    expect(res.body.skill.archivedAt).not.toBeNull();

    const expectations = await t.ctx.db.select().from(jobProfileSkill).where(eq(jobProfileSkill.profileId, profile!.id));
    expect(expectations).toEqual([expect.objectContaining({ skillId: keep.id, level: 4 })]);
    const moved = await t.ctx.db.select().from(skillAssessment).where(eq(skillAssessment.personId, person.id));
    expect(moved.map((a) => a.skillId)).toEqual([keep.id]);
    // One manager rating of 2: the current level of the kept skill is 2, and the duplicate has none.
    const levels = await t.ctx.db.select().from(personSkill).where(eq(personSkill.personId, person.id));
    expect(levels.map((l) => [l.skillId, l.level])).toEqual([[keep.id, 2]]);
    // The duplicate leaves every list, and the merge is in the audit log.
    expect((await admin.get('skills?includeArchived=true')).body.data.map((x: { name: string }) => x.name)).toEqual(['Negotiation']);
    const audit = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, org.id), eq(auditEvent.action, 'skill.merged')));
    expect(audit).toHaveLength(1);
  });

  it('refuses a merge into itself, across organisations, into an archived skill or across scales', async () => {
    const { admin } = await setup();
    const a = (await admin.post('skills', { name: 'A' })).body;
    const b = (await admin.post('skills', { name: 'B' })).body;
    const three = (await admin.post('skills', { name: 'Three', maxLevel: 3 })).body;
    const self = await admin.post(`skills/${a.id}/merge`, { intoId: a.id });
    expect(self.status).toBe(400);
    expect(self.body.error.details[0].path).toBe('intoId');
    const { admin: other } = await setup();
    const theirs = (await other.post('skills', { name: 'Theirs' })).body;
    const across = await admin.post(`skills/${a.id}/merge`, { intoId: theirs.id });
    expect(across.status).toBe(400);
    expect(across.body.error.message).toBe('No such skill in this organisation');
    expect((await other.post(`skills/${a.id}/merge`, { intoId: theirs.id })).status).toBe(404);
    await admin.post(`skills/${b.id}/archive`, {});
    expect((await admin.post(`skills/${a.id}/merge`, { intoId: b.id })).body.error.message).toBe('B is archived');
    expect((await admin.post(`skills/${a.id}/merge`, { intoId: three.id })).body.error.details[0].message).toMatch(/Rescale A to 3 levels/);
  });

  it('changes a scale only by mapping recorded levels, shown before it is applied', async () => {
    const { org, admin } = await setup();
    const s = (await admin.post('skills', { name: 'Coaching', levels: ['1', '2', '3', '4', '5'] })).body;
    const person = await createPerson(t, org.id);
    await t.ctx.db.insert(skillAssessment).values([
      { orgId: org.id, personId: person.id, skillId: s.id, level: 4, source: 'manager', assessedAt: t.clock.now() },
      { orgId: org.id, personId: person.id, skillId: s.id, level: 5, source: 'self', assessedAt: t.clock.now() },
    ]);
    // A plain change of scale would reinterpret the recorded levels: refused.
    const plain = await admin.patch(`skills/${s.id}`, { maxLevel: 3, levels: ['1', '2', '3'] });
    expect(plain.status).toBe(409);
    expect(plain.body.error.details[0].path).toBe('maxLevel');

    const preview = await admin.post(`skills/${s.id}/rescale`, { maxLevel: 3 });
    expect(preview.status).toBe(200);
    expect(preview.body.applied).toBe(false);
    expect(preview.body.levels.map((l: { from: number; to: number; assessments: number }) => [l.from, l.to, l.assessments])).toEqual([
      [1, 1, 0], [2, 2, 0], [3, 2, 0], [4, 3, 1], [5, 3, 1],
    ]);
    expect((await admin.get(`skills/${s.id}`)).body.maxLevel).toBe(5);

    expect((await admin.post(`skills/${s.id}/rescale`, { maxLevel: 3, mapping: [1, 2, 3] })).status).toBe(400);
    const applied = await admin.post(`skills/${s.id}/rescale`, { maxLevel: 3, mapping: [1, 1, 2, 2, 3], apply: true });
    expect(applied.body.applied).toBe(true);
    const after = (await admin.get(`skills/${s.id}`)).body;
    expect(after).toMatchObject({ maxLevel: 3, levels: ['1', '2', '3'] });
    const levels = await t.ctx.db.select().from(skillAssessment).where(eq(skillAssessment.skillId, s.id));
    expect(levels.map((l) => l.level).sort()).toEqual([2, 3]);
  });
});

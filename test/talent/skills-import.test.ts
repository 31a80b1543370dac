import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, careerPath, domainEvent, jobProfile, jobProfileSkill, skill } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs, type Client } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createSkill } from '../support/talent.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const file = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const postSkills = (c: Client, body: string, dryRun = true) => c.post(`skills/import?dryRun=${dryRun}`, body, { 'content-type': 'text/csv' });
const postProfiles = (c: Client, body: string, dryRun = true) => c.post(`job-profiles/import?dryRun=${dryRun}`, body, { 'content-type': 'text/csv' });

async function setup() {
  const org = await createOrg(t);
  const hr = await signInAs(t, await createUser(t, org.id, { roles: ['hr_admin'] }));
  return { org, hr };
}

const skillsOf = (orgId: string) => t.ctx.db.select().from(skill).where(eq(skill.orgId, orgId));
const profilesOf = (orgId: string) => t.ctx.db.select().from(jobProfile).where(eq(jobProfile.orgId, orgId));
const eventsOf = (orgId: string, type: string) => t.ctx.db.select().from(domainEvent).where(and(eq(domainEvent.orgId, orgId), eq(domainEvent.type, type)));
async function expectationsOf(orgId: string, profileName: string) {
  const [p] = await t.ctx.db.select().from(jobProfile).where(and(eq(jobProfile.orgId, orgId), eq(jobProfile.name, profileName)));
  if (!p) return undefined;
  const rows = await t.ctx.db
    .select({ name: skill.name, level: jobProfileSkill.level })
    .from(jobProfileSkill)
    .innerJoin(skill, eq(skill.id, jobProfileSkill.skillId))
    .where(eq(jobProfileSkill.profileId, p.id));
  return Object.fromEntries(rows.map((r) => [r.name, r.level]));
}
type Row = { row: number; key: string; action: string; changes?: Record<string, { from: unknown; to: unknown }>; errors?: { field?: string; message: string }[] };
const byRow = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.row, r]));

// Quotes, commas and doubled quotes inside cells, a BOM and CRLF: what spreadsheets write.
const SKILLS_CSV =
  '\uFEFF' +
  file(
    'name,category,description,scale_max,level_1,level_2,level_3',
    'Negotiation,Commercial,"Reaching agreements, in writing and in person",3,Aware,"Practises, with help","Leads ""hard"" deals"',
    '"Data literacy, basic",Analytics,,,Reads charts,,',
    'Coaching,People,Helping others grow,,,,',
  );

describe('skills import', () => {
  it('a dry run reports every row and writes nothing; the commit writes all of it, audited, with one SKILLS_CHANGED', async () => {
    const { org, hr } = await setup();
    const dry = await postSkills(hr, SKILLS_CSV);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, committed: false, summary: { create: 3, update: 0, unchanged: 0, error: 0, total: 3 } });
    expect(dry.body.rows.map((r: Row) => [r.row, r.key, r.action])).toEqual([
      [1, 'Negotiation', 'create'],
      [2, 'Data literacy, basic', 'create'],
      [3, 'Coaching', 'create'],
    ]);
    expect(await skillsOf(org.id)).toEqual([]);
    expect(await eventsOf(org.id, 'talent.skills_changed')).toEqual([]);

    const done = await postSkills(hr, SKILLS_CSV, false);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, committed: true, summary: { create: 3 } });
    const stored = Object.fromEntries((await skillsOf(org.id)).map((s) => [s.name, s]));
    expect(stored.Negotiation).toMatchObject({
      category: 'Commercial',
      description: 'Reaching agreements, in writing and in person',
      maxLevel: 3,
      levels: ['Aware', 'Practises, with help', 'Leads "hard" deals'],
    });
    expect(stored['Data literacy, basic']).toMatchObject({ category: 'Analytics', description: null, maxLevel: 5, levels: ['Reads charts'] });
    expect(stored.Coaching).toMatchObject({ maxLevel: 5, levels: [] });
    const events = await eventsOf(org.id, 'talent.skills_changed');
    expect(events).toHaveLength(1);
    expect(((events[0]!.payload as { skillIds: string[] }).skillIds).sort()).toEqual(Object.values(stored).map((s) => s.id).sort());
    const audit = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, org.id), eq(auditEvent.action, 'skill.created')));
    expect(audit).toHaveLength(3);

    // The same file again: nothing to do.
    const again = await postSkills(hr, SKILLS_CSV);
    expect(again.body.summary).toMatchObject({ create: 0, update: 0, unchanged: 3 });
  });

  it('matches existing skills by name ignoring case, updates what changed and keeps left-out columns', async () => {
    const { org, hr } = await setup();
    const neg = await createSkill(t, org.id, { name: 'Negotiation', category: 'Sales', description: 'Old', levels: ['a', 'b'] });
    const res = await postSkills(hr, file('name,category', 'NEGOTIATION,Commercial'), false);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows[0]).toMatchObject({ action: 'update', key: 'NEGOTIATION', changes: { category: { from: 'Sales', to: 'Commercial' } } });
    const [after] = await t.ctx.db.select().from(skill).where(eq(skill.id, neg.id));
    // The stored spelling, description and descriptors stay: their columns are not in the file.
    expect(after).toMatchObject({ name: 'Negotiation', category: 'Commercial', description: 'Old', levels: ['a', 'b'] });
    expect((await skillsOf(org.id)).length).toBe(1);
  });

  it('refuses a changed scale, descriptors beyond the scale, archived and merged skills and duplicates, each on its row and column', async () => {
    const { org, hr } = await setup();
    await createSkill(t, org.id, { name: 'Negotiation', maxLevel: 5 });
    const keep = await createSkill(t, org.id, { name: 'Coaching' });
    await createSkill(t, org.id, { name: 'Old craft', archivedAt: t.clock.now() });
    await createSkill(t, org.id, { name: 'Mentoring', archivedAt: t.clock.now(), mergedIntoId: keep.id });
    const res = await postSkills(
      hr,
      file(
        'name,scale_max,level_1,level_2,level_3,level_4',
        'Negotiation,3,,,,',
        'Tiny,2,One,Two,Three,',
        'old craft,,,,,',
        'Mentoring,,,,,',
        'Writing,,,,,',
        'writing,,,,,',
        ',4,,,,',
        'Maths,eleven,,,,',
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ error: 8, total: 8 });
    const rows = byRow(res.body.rows);
    expect(rows[1]!.errors).toEqual([{ field: 'scale_max', message: expect.stringMatching(/has levels 1 to 5: an import does not change a skill's scale/) }]);
    expect(rows[2]!.errors).toEqual([{ field: 'level_3', message: 'Level 3 is beyond the scale of 1 to 2' }]);
    expect(rows[3]!.errors![0]).toMatchObject({ field: 'name', message: expect.stringMatching(/"Old craft" is archived/) });
    expect(rows[4]!.errors![0]).toMatchObject({ field: 'name', message: '"Mentoring" was merged into "Coaching": use that name' });
    expect(rows[5]!.errors![0]!.message).toBe('The skill "Writing" is also in row 6');
    expect(rows[6]!.errors![0]!.message).toBe('The skill "writing" is also in row 5');
    expect(rows[7]!.errors![0]).toEqual({ field: 'name', message: 'Name is required' });
    expect(rows[8]!.errors![0]!.field).toBe('scale_max');
  });

  it('commits all or nothing: one bad row answers 422 with the report and writes nothing', async () => {
    const { org, hr } = await setup();
    await createSkill(t, org.id, { name: 'Negotiation', maxLevel: 5 });
    const res = await postSkills(hr, file('name,scale_max,category', 'Listening,,People', 'Negotiation,4,Sales', 'Writing,,Craft'), false);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unprocessable');
    expect(res.body.error.details.map((d: Row) => d.row)).toEqual([2]);
    expect(res.body.error.report.summary).toMatchObject({ create: 2, error: 1 });
    expect((await skillsOf(org.id)).map((s) => s.name)).toEqual(['Negotiation']);
    expect(await eventsOf(org.id, 'talent.skills_changed')).toEqual([]);
  });

  it('never matches another organisation’s skills', async () => {
    const other = await setup();
    await createSkill(t, other.org.id, { name: 'Negotiation', archivedAt: t.clock.now() });
    const { org, hr } = await setup();
    const res = await postSkills(hr, file('name', 'Negotiation'), false);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows[0]!.action).toBe('create');
    expect((await skillsOf(org.id)).map((s) => s.name)).toEqual(['Negotiation']);
    expect((await skillsOf(other.org.id))[0]!.archivedAt).not.toBeNull();
  });

  it('is for skill admins: others get 404 and nothing is read or written', async () => {
    const { org } = await setup();
    const emp = await signInAs(t, await createUser(t, org.id));
    const learning = await signInAs(t, await createUser(t, org.id, { roles: ['learning_admin'] }));
    expect((await postSkills(emp, file('name', 'Sneaky'), false)).status).toBe(404);
    expect((await postSkills(emp, 'not, a, csv "', false)).status).toBe(404);
    expect((await postProfiles(learning, file('profile,skill,expected_level', 'X,Y,1'))).status).toBe(404);
    expect(await skillsOf(org.id)).toEqual([]);
    // Learning admins manage the skills library.
    expect((await postSkills(learning, file('name', 'Allowed'), false)).status).toBe(200);
  });

  it('explains an unusable file: no name column, broken CSV, too many rows, too large, wrong type; accepts multipart', async () => {
    const { hr } = await setup();
    const noName = await postSkills(hr, file('title,category', 'A,B'));
    expect(noName.status).toBe(400);
    expect(noName.body.error).toMatchObject({ code: 'validation_failed', message: 'The file needs the column name' });
    expect((await postSkills(hr, 'name\n"unclosed\n')).status).toBe(400);
    const many = await postSkills(hr, file('name', ...Array.from({ length: 5001 }, (_, i) => `Skill ${i}`)));
    expect(many.status).toBe(400);
    expect(many.body.error.message).toMatch(/5,001 rows; at most 5,000/);
    const huge = await postSkills(hr, file('name,description', `Big,${'x'.repeat(5 * 1024 * 1024)}`));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const json = await hr.raw.post('skills/import', { rows: [] });
    // The route's body validator may answer first, as for the people import.
    expect([400, 415]).toContain(json.status);
    expect(json.body.error.code).toMatch(/bad_request|validation_failed|unsupported_media_type/);
    const form = new FormData();
    form.append('file', new Blob([file('name', 'From a form')], { type: 'text/csv' }), 'skills.csv');
    const multi = await hr.post('skills/import?dryRun=true', form);
    expect(multi.status).toBe(200);
    expect(multi.body.rows[0]).toMatchObject({ key: 'From a form', action: 'create' });
  });
});

describe('job profiles import', () => {
  async function library() {
    const s = await setup();
    const neg = await createSkill(t, s.org.id, { name: 'Negotiation', maxLevel: 5 });
    const coach = await createSkill(t, s.org.id, { name: 'Coaching', maxLevel: 3 });
    const old = await createSkill(t, s.org.id, { name: 'Typing', archivedAt: t.clock.now() });
    return { ...s, neg, coach, old };
  }
  const HEADER = 'profile,profile_description,skill,expected_level,next_profiles';

  it('creates profiles with expected levels and career steps from the file, in any row order; dry run writes nothing', async () => {
    const { org, hr } = await library();
    const csv = file(
      HEADER,
      'Account Executive,"Sells, renews and grows accounts",Negotiation,3,Senior Account Executive',
      'Account Executive,,Coaching,1,',
      'Senior Account Executive,"Leads the ""big"" deals",Negotiation,4,Sales Manager',
      'Sales Manager,,Coaching,3,',
    );
    const dry = await postProfiles(hr, csv);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.summary).toMatchObject({ create: 4, error: 0, remove: 0, total: 4 });
    expect(dry.body.rows[0]).toMatchObject({ row: 1, key: 'Account Executive · Negotiation', action: 'create', changes: { next_profiles: { to: ['Senior Account Executive'] } } });
    expect(dry.body.notes[0]).toMatch(/exactly the expected skills of its rows/);
    expect(await profilesOf(org.id)).toEqual([]);

    const done = await postProfiles(hr, csv, false);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.committed).toBe(true);
    expect(await expectationsOf(org.id, 'Account Executive')).toEqual({ Negotiation: 3, Coaching: 1 });
    expect(await expectationsOf(org.id, 'Senior Account Executive')).toEqual({ Negotiation: 4 });
    const profiles = Object.fromEntries((await profilesOf(org.id)).map((p) => [p.name, p]));
    expect(profiles['Account Executive']!.description).toBe('Sells, renews and grows accounts');
    expect(profiles['Senior Account Executive']!.description).toBe('Leads the "big" deals');
    const steps = await t.ctx.db.select().from(careerPath).where(eq(careerPath.orgId, org.id));
    const nameOf = (id: string) => Object.values(profiles).find((p) => p.id === id)!.name;
    const named = steps.map((s) => `${nameOf(s.fromProfileId)} > ${nameOf(s.toProfileId)} (${s.kind})`);
    expect(named.sort()).toEqual(['Account Executive > Senior Account Executive (promotion)', 'Senior Account Executive > Sales Manager (promotion)']);
    expect(await eventsOf(org.id, 'talent.job_profile_changed')).toHaveLength(3);
    expect((await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, org.id), eq(auditEvent.action, 'job_profiles.imported')))).length).toBe(1);
  });

  it('replaces a profile’s expected skills with the file’s set and says so in the report', async () => {
    const { org, hr, neg, coach } = await library();
    const [p] = await t.ctx.db.insert(jobProfile).values({ orgId: org.id, name: 'Team Lead', description: 'Leads' }).returning();
    await t.ctx.db.insert(jobProfileSkill).values([
      { orgId: org.id, profileId: p!.id, skillId: neg.id, level: 2 },
      { orgId: org.id, profileId: p!.id, skillId: coach.id, level: 2 },
    ]);
    const res = await postProfiles(hr, file('profile,skill,expected_level', 'team lead,Negotiation,4'), false);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.summary).toMatchObject({ update: 1, remove: 1, total: 1 });
    expect(res.body.rows).toEqual([
      { row: 1, key: 'team lead · Negotiation', action: 'update', changes: { expected_level: { from: 2, to: 4 } } },
      { row: 0, key: 'Team Lead · Coaching', action: 'remove', changes: { expected_level: { from: 2, to: null } } },
    ]);
    expect(await expectationsOf(org.id, 'Team Lead')).toEqual({ Negotiation: 4 });
    const events = await eventsOf(org.id, 'talent.job_profile_changed');
    expect(events.map((e) => (e.payload as { profileId: string }).profileId)).toEqual([p!.id]);
    // Unchanged the second time: no event.
    expect((await postProfiles(hr, file('profile,skill,expected_level', 'Team Lead,Negotiation,4'), false)).body.summary).toMatchObject({ unchanged: 1, remove: 0 });
    expect(await eventsOf(org.id, 'talent.job_profile_changed')).toHaveLength(1);
  });

  it('refuses levels outside the scale, unknown and archived skills, duplicate rows and unknown next steps', async () => {
    const { hr } = await library();
    const res = await postProfiles(
      hr,
      file(
        HEADER,
        'Coach,,Coaching,4,',
        'Coach,,Coaching,2,',
        'Typist,,Typing,2,',
        'Typist,,Juggling,2,',
        'Dealer,,Negotiation,0,Astronaut',
        'Dealer,,Negotiation,two,',
        'Dealer,,,3,Dealer',
        ',,Negotiation,2,',
      ),
    );
    expect(res.status).toBe(200);
    const rows = byRow(res.body.rows);
    const first = (n: number) => rows[n]!.errors!.map((e) => `${e.field}: ${e.message}`);
    expect(first(1)).toEqual(['expected_level: "Coaching" has levels 1 to 3', 'skill: "Coaching" for "Coach" is also in row 2']);
    expect(first(2)).toEqual(['skill: "Coaching" for "Coach" is also in row 1']);
    expect(first(3)).toEqual(['skill: "Typing" is archived and takes no new expectations']);
    expect(first(4)).toEqual(['skill: No skill named "Juggling"']);
    expect(first(5)).toContain('expected_level: "Negotiation" has levels 1 to 5');
    expect(first(5)).toContain('next_profiles: No job profile named "Astronaut" in the organisation or the file');
    expect(first(6)).toContain('expected_level: "two" is not a whole level');
    expect(first(7)).toEqual(['skill: Name the skill this level is expected in', 'next_profiles: A step leads to another profile, not to the profile itself']);
    expect(first(8)).toEqual(['profile: Profile is required']);
    expect(res.body.summary.error).toBe(8);
  });

  it('refuses promotions that loop back, in the file and through stored steps, with the career-path rule', async () => {
    const { org, hr } = await library();
    const [a, b] = await t.ctx.db
      .insert(jobProfile)
      .values([
        { orgId: org.id, name: 'Analyst' },
        { orgId: org.id, name: 'Senior Analyst' },
      ])
      .returning();
    await t.ctx.db.insert(careerPath).values({ orgId: org.id, fromProfileId: a!.id, toProfileId: b!.id, kind: 'promotion' });
    const through = await postProfiles(hr, file(HEADER, 'Senior Analyst,,Negotiation,3,Analyst'));
    expect(through.body.rows[0]!.errors).toEqual([
      { field: 'next_profiles', message: '"Analyst" already leads up to "Senior Analyst": this promotion would go round in a circle' },
    ]);
    const inFile = await postProfiles(hr, file(HEADER, 'Rep,,Negotiation,2,Lead', 'Lead,,Negotiation,3,Head', 'Head,,Negotiation,4,Rep'), false);
    expect(inFile.status).toBe(422);
    expect(inFile.body.error.report.summary.error).toBe(3);
    expect(inFile.body.error.details[0].errors[0].message).toMatch(/go round in a circle/);
    // A lateral move back is not a loop.
    const lateral = await postProfiles(hr, file('profile,skill,expected_level,lateral_profiles', 'Senior Analyst,Negotiation,3,Analyst'), false);
    expect(lateral.status, JSON.stringify(lateral.body)).toBe(200);
    const steps = await t.ctx.db.select().from(careerPath).where(eq(careerPath.orgId, org.id));
    expect(steps.map((s) => s.kind).sort()).toEqual(['lateral', 'promotion']);
    expect((await profilesOf(org.id)).map((p) => p.name).sort()).toEqual(['Analyst', 'Senior Analyst']);
  });

  it('one bad row: 422 and nothing written, not even the good profiles', async () => {
    const { org, hr } = await library();
    const res = await postProfiles(hr, file(HEADER, 'Good,,Negotiation,2,', 'Bad,,Typing,1,'), false);
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: Row) => d.row)).toEqual([2]);
    expect(await profilesOf(org.id)).toEqual([]);
    expect(await eventsOf(org.id, 'talent.job_profile_changed')).toEqual([]);
  });

  it('never matches another organisation’s skills or profiles', async () => {
    const other = await library();
    await t.ctx.db.insert(jobProfile).values({ orgId: other.org.id, name: 'Shared Name' });
    const { org, hr } = await setup();
    await createSkill(t, org.id, { name: 'Listening' });
    const res = await postProfiles(hr, file(HEADER, 'Shared Name,,Negotiation,2,', 'Mine,,Listening,2,Shared Name'));
    const rows = byRow(res.body.rows);
    expect(rows[1]!.errors).toEqual([{ field: 'skill', message: 'No skill named "Negotiation"' }]);
    expect(rows[2]).toMatchObject({ action: 'create' });
    expect(await profilesOf(org.id)).toEqual([]);
  });

  it('keeps career steps already there, and refuses a profile named as both promotion and lateral move', async () => {
    const { org, hr } = await library();
    const [a, b] = await t.ctx.db
      .insert(jobProfile)
      .values([
        { orgId: org.id, name: 'Rep' },
        { orgId: org.id, name: 'Lead' },
      ])
      .returning();
    await t.ctx.db.insert(careerPath).values({ orgId: org.id, fromProfileId: a!.id, toProfileId: b!.id, kind: 'lateral' });
    const kept = await postProfiles(hr, file(HEADER, 'Rep,,Negotiation,2,Lead'), false);
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.rows[0]).toEqual({ row: 1, key: 'Rep · Negotiation', action: 'create', changes: { expected_level: { from: null, to: 2 } } });
    const steps = await t.ctx.db.select().from(careerPath).where(eq(careerPath.orgId, org.id));
    expect(steps.map((s) => s.kind)).toEqual(['lateral']);
    const both = await postProfiles(hr, file('profile,skill,expected_level,next_profiles,lateral_profiles', 'Lead,Negotiation,3,Head,', 'Lead,Coaching,2,,Head', 'Head,Negotiation,4,,'));
    expect(both.body.rows[1]!.errors).toEqual([{ field: 'lateral_profiles', message: '"Head" is both a promotion and a lateral move from "Lead"' }]);
  });

  it('handles a file of the largest size allowed in one commit', async () => {
    const { org, hr } = await setup();
    const big = await postSkills(hr, file('name,category,level_1', ...Array.from({ length: 5000 }, (_, i) => `Skill ${i},Bulk,"Level one, of ${i}"`)), false);
    expect(big.status, JSON.stringify(big.body).slice(0, 500)).toBe(200);
    expect(big.body.summary.create).toBe(5000);
    expect((await skillsOf(org.id)).length).toBe(5000);
  });

  it('is documented in the OpenAPI document', async () => {
    const { hr } = await setup();
    const doc = (await hr.get('openapi.json')).body;
    expect(doc.paths['/skills/import'].post.requestBody.content).toHaveProperty('text/csv');
    expect(doc.paths['/job-profiles/import'].post.responses).toHaveProperty('422');
    expect(doc.components.schemas.TalentImportReport).toBeDefined();
  });

  it('is for HR admins: others get 404', async () => {
    const { org } = await library();
    const emp = await signInAs(t, await createUser(t, org.id));
    expect((await postProfiles(emp, file(HEADER, 'X,,Negotiation,2,'), false)).status).toBe(404);
    expect(await profilesOf(org.id)).toEqual([]);
  });
});

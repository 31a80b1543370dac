import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, customField, department, group, groupMember, person } from '../../src/server/db/schema/index.ts';
import { buildDemoOrg } from '../../src/server/seed/demo/people.ts';
import { DEMO_PASSWORD, seedDemo, type SeedResult } from '../../src/server/seed/demo.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';

// The test database is shared by the files of a run, so the demo goes in under a slug and an
// email domain of its own (account emails are unique across organisations).
let t: TestApp;
let seeded: SeedResult;
let slug: string;
let domain: string;
beforeAll(async () => {
  t = await createTestApp();
  const suffix = uuidv7().slice(-10);
  slug = `acme-${suffix}`;
  domain = `acme-${suffix}.example`;
  seeded = await seedDemo(t.ctx, { slug, emailDomain: domain });
}, 60_000);

const email = (role: string) => `${role}@${domain}`;

describe('demo organisation', () => {
  it('has about 250 people in 6 departments with sub-departments and 4 management levels', async () => {
    const people = await t.ctx.db.select().from(person).where(eq(person.orgId, seeded.orgId));
    expect(people.length).toBeGreaterThanOrEqual(230);
    expect(people.length).toBeLessThanOrEqual(270);
    const depts = await t.ctx.db.select().from(department).where(eq(department.orgId, seeded.orgId));
    const top = depts.filter((d) => !d.parentId).map((d) => d.name).sort();
    expect(top).toEqual(['Customer Success', 'Engineering', 'Finance & Operations', 'Marketing', 'People & Culture', 'Sales']);
    expect(depts.length).toBeGreaterThan(6);

    const byId = new Map(people.map((p) => [p.id, p]));
    const depth = (id: string): number => {
      const p = byId.get(id)!;
      return p.managerId ? 1 + depth(p.managerId) : 1;
    };
    const levels = new Set(people.map((p) => depth(p.id)));
    expect([...levels].sort()).toEqual([1, 2, 3, 4]);
    expect(people.filter((p) => !p.managerId)).toHaveLength(1);
    const median = (xs: string[]) => xs.sort()[Math.floor(xs.length / 2)]!;
    const managerHires = people.filter((p) => depth(p.id) === 3).map((p) => p.hireDate!);
    const icHires = people.filter((p) => depth(p.id) === 4).map((p) => p.hireDate!);
    expect(median(managerHires) < median(icHires)).toBe(true);

    // Realistic records: unique employee numbers in order, time zones matching offices, past hire dates.
    const numbers = people.map((p) => p.employeeNumber!).sort();
    expect(numbers[0]).toBe('E0001');
    expect(new Set(numbers).size).toBe(people.length);
    const ceo = people.find((p) => !p.managerId)!;
    expect(ceo.employeeNumber).toBe('E0001');
    for (const p of people) {
      if (p.location === 'Berlin') expect(p.timeZone).toBe('Europe/Berlin');
      if (p.location === 'New York') expect(p.timeZone).toBe('America/New_York');
      expect(p.hireDate! <= t.clock.now().toISOString().slice(0, 10)).toBe(true);
      expect(p.jobTitle).toBeTruthy();
      expect(p.locale).toBeTruthy();
      expect(['Full-time', 'Part-time', 'Contractor']).toContain(p.customFields.employment_type);
    }
    expect(new Set(people.map((p) => p.location))).toEqual(new Set(['London', 'Berlin', 'New York', 'Toronto', 'Remote']));
    const fields = await t.ctx.db.select().from(customField).where(eq(customField.orgId, seeded.orgId));
    expect(fields.map((f) => f.label).sort()).toEqual(['Cost center', 'Employment type']);
  });

  it('lets the five demo accounts sign in with their roles', async () => {
    const expected: Record<string, { roles: string[]; isManager: boolean }> = {
      admin: { roles: ['admin'], isManager: true },
      hr: { roles: ['hr_admin'], isManager: true },
      learning: { roles: ['learning_admin'], isManager: true },
      manager: { roles: [], isManager: true },
      employee: { roles: [], isManager: false },
    };
    for (const [role, want] of Object.entries(expected)) {
      const me = await (await signInAs(t, { email: email(role) }, DEMO_PASSWORD)).get('auth/me');
      expect(me.status, role).toBe(200);
      expect(me.body).toMatchObject({ orgName: 'Acme Corporation', email: email(role), ...want });
    }
    const wrong = await client(t).post('auth/sign-in', { email: email('admin'), password: 'not-the-password' });
    expect(wrong.status).toBe(401);
  });

  it('gives the manager at least 6 direct reports, the employee among them', async () => {
    const manager = await signInAs(t, { email: email('manager') }, DEMO_PASSWORD);
    const me = (await manager.get('auth/me')).body;
    const reports = await manager.get(`people?managerId=${me.personId}&limit=100`);
    expect(reports.status).toBe(200);
    expect(reports.body.data.length).toBeGreaterThanOrEqual(6);
    expect(reports.body.data.map((p: { email: string }) => p.email)).toContain(email('employee'));
  });

  it('creates a static mentors group and smart groups with their members', async () => {
    const groups = await t.ctx.db.select().from(group).where(eq(group.orgId, seeded.orgId));
    const names = groups.map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(['Mentors', 'New joiners (last 12 months)', 'Engineering managers']));
    const members = async (name: string) => {
      const g = groups.find((x) => x.name === name)!;
      return t.ctx.db
        .select({ title: person.jobTitle, hireDate: person.hireDate })
        .from(groupMember)
        .innerJoin(person, eq(person.id, groupMember.personId))
        .where(and(eq(groupMember.orgId, seeded.orgId), eq(groupMember.groupId, g.id)));
    };
    expect((await members('Mentors')).length).toBeGreaterThan(5);
    const engManagers = await members('Engineering managers');
    expect(engManagers.length).toBeGreaterThanOrEqual(6);
    for (const m of engManagers) expect(m.title).toMatch(/Manager/);
    const joiners = await members('New joiners (last 12 months)');
    expect(joiners.length).toBeGreaterThan(0);
    const yearAgo = new Date(t.clock.now().getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
    for (const j of joiners) expect(j.hireDate! > yearAgo).toBe(true);
  });

  it('audits the seeding once and refuses to seed the same slug twice', async () => {
    const events = await t.ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, seeded.orgId), eq(auditEvent.action, 'org.seeded')));
    expect(events).toHaveLength(1);
    await expect(seedDemo(t.ctx, { slug, emailDomain: `other-${domain}` })).rejects.toThrow(/already exists/);
    const [row] = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(person)
      .where(eq(person.orgId, seeded.orgId));
    expect(row!.n).toBe(seeded.people);
  });

  it('is the same organisation on every run', () => {
    const today = new Date('2026-06-01T00:00:00Z');
    const a = buildDemoOrg(today, 'acme.example');
    const b = buildDemoOrg(today, 'acme.example');
    const shape = (o: typeof a) => o.people.map((p) => [p.employeeNumber, p.firstName, p.lastName, p.jobTitle, p.location, p.hireDate]);
    expect(shape(a)).toEqual(shape(b));
  });
});

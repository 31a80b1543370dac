import { beforeAll, describe, expect, it } from 'vitest';
import type { SmartGroupRule } from '../../src/server/db/schema/index.ts';
import {
  mayReadField,
  mayReadRule,
  readableFields,
  visibleValues,
  type FieldViewer,
  type Relation,
} from '../../src/server/modules/org/custom-fields.visibility.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client, signInAs, type Body } from '../support/client.ts';
import { createOrg, createPerson, createUser } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const staff: FieldViewer = { roles: [], via: 'session', scopes: ['read', 'write', 'admin'] };
const hr: FieldViewer = { roles: ['hr_admin'], via: 'session', scopes: ['read', 'write', 'admin'] };
const admin: FieldViewer = { roles: ['admin'], via: 'session', scopes: ['read', 'write', 'admin'] };
const learning: FieldViewer = { roles: ['learning_admin'], via: 'session', scopes: ['read', 'write', 'admin'] };
const hrReadToken: FieldViewer = { roles: ['hr_admin'], via: 'token', scopes: ['read'] };
const hrAdminToken: FieldViewer = { roles: ['hr_admin'], via: 'token', scopes: ['read', 'admin'] };

describe('which custom fields a viewer may read (pure)', () => {
  it('decides by visibility and how the viewer stands to the person', () => {
    // [visibility, relation, staff, learning admin, HR, admin, HR read-only token, HR admin token]
    const table: Array<['everyone' | 'chain' | 'hr', Relation, boolean, boolean, boolean, boolean, boolean, boolean]> = [
      ['everyone', 'self', true, true, true, true, true, true],
      ['everyone', 'chain', true, true, true, true, true, true],
      ['everyone', 'other', true, true, true, true, true, true],
      ['chain', 'self', true, true, true, true, true, true],
      ['chain', 'chain', true, true, true, true, true, true],
      ['chain', 'other', false, false, true, true, false, true],
      ['hr', 'self', false, false, true, true, false, true],
      ['hr', 'chain', false, false, true, true, false, true],
      ['hr', 'other', false, false, true, true, false, true],
    ];
    for (const [visibility, relation, ...want] of table) {
      const got = [staff, learning, hr, admin, hrReadToken, hrAdminToken].map((v) => mayReadField(visibility, v, relation));
      expect(got, `${visibility} / ${relation}`).toEqual(want);
    }
  });

  it('filters a person’s values to the readable fields, dropping values without a definition', () => {
    const defs = [
      { key: 'badge', visibility: 'everyone' as const },
      { key: 'cost_center', visibility: 'chain' as const },
      { key: 'employment_type', visibility: 'hr' as const },
    ];
    const values = { badge: 'Ada', cost_center: 'CC-1', employment_type: 'Contractor', stray: 'x' };
    expect(visibleValues(values, defs, staff, 'other')).toEqual({ badge: 'Ada' });
    expect(visibleValues(values, defs, staff, 'self')).toEqual({ badge: 'Ada', cost_center: 'CC-1' });
    expect(visibleValues(values, defs, staff, 'chain')).toEqual({ badge: 'Ada', cost_center: 'CC-1' });
    expect(visibleValues(values, defs, hr, 'other')).toEqual({ badge: 'Ada', cost_center: 'CC-1', employment_type: 'Contractor' });
    expect(readableFields(defs, learning, 'other').map((d) => d.key)).toEqual(['badge']);
  });

  it('lets a viewer read a rule only when they may read every field it reads, of anyone', () => {
    const defs = [
      { key: 'badge', visibility: 'everyone' as const },
      { key: 'cost_center', visibility: 'chain' as const },
      { key: 'employment_type', visibility: 'hr' as const },
    ];
    const on = (key: string): SmartGroupRule => ({
      match: 'any',
      conditions: [
        { field: 'location', op: 'equals', value: 'Berlin' },
        { field: 'customField', key, op: 'equals', value: 'x' },
      ],
    });
    expect(mayReadRule(null, defs, learning)).toBe(true);
    expect(mayReadRule(on('badge'), defs, learning)).toBe(true);
    expect(mayReadRule(on('cost_center'), defs, learning)).toBe(false);
    expect(mayReadRule(on('employment_type'), defs, learning)).toBe(false);
    expect(mayReadRule(on('employment_type'), defs, hr)).toBe(true);
    expect(mayReadRule(on('employment_type'), defs, hrReadToken)).toBe(false);
  });
});

type Values = { badge: string; cost_center: string; employment_type: string };
const ALL = ['badge', 'cost_center', 'employment_type'] as const;
const PUBLIC = ['badge'] as const;
const CHAIN = ['badge', 'cost_center'] as const;

/**
 * Acme: Mona manages Ravi, who manages Dee; Olga and Eli are outside that chain. Every person holds
 * a value of each field: badge (everyone), cost center (chain), employment type (HR only).
 */
async function acme() {
  const org = await createOrg(t);
  const values = (name: string): Values => ({ badge: `badge-${name}`, cost_center: `CC-${name}`, employment_type: 'Contractor' });
  const user = (firstName: string, extra: Parameters<typeof createUser>[2] = {}) =>
    createUser(t, org.id, { firstName, lastName: 'Acme', customFields: values(firstName), ...extra });
  const hrUser = await user('Hana', { roles: ['hr_admin'] });
  const adminUser = await user('Adam', { roles: ['admin'] });
  const learnUser = await user('Lena', { roles: ['learning_admin'] });
  const mgrUser = await user('Mona');
  const reportUser = await user('Ravi', { managerId: mgrUser.person.id });
  const empUser = await user('Eli');
  const deep = await createPerson(t, org.id, { firstName: 'Dee', lastName: 'Acme', managerId: reportUser.person.id, customFields: values('Dee') });
  const other = await createPerson(t, org.id, { firstName: 'Olga', lastName: 'Acme', customFields: values('Olga') });

  const hrClient = await signInAs(t, hrUser);
  const fields: Array<Body<'/custom-fields', 'post'>> = [
    { key: 'badge', label: 'Badge name', type: 'text', visibility: 'everyone' },
    { key: 'cost_center', label: 'Cost center', type: 'text', visibility: 'chain' },
    { key: 'employment_type', label: 'Employment type', type: 'choice', options: ['Full-time', 'Contractor'] },
  ];
  for (const f of fields) {
    expect((await hrClient.post('custom-fields', f)).status).toBe(201);
  }
  const ids = {
    hana: hrUser.person.id,
    adam: adminUser.person.id,
    lena: learnUser.person.id,
    mona: mgrUser.person.id,
    ravi: reportUser.person.id,
    eli: empUser.person.id,
    dee: deep.id,
    olga: other.id,
  };
  const as = {
    hr: hrClient,
    admin: await signInAs(t, adminUser),
    learning: await signInAs(t, learnUser),
    manager: await signInAs(t, mgrUser),
    report: await signInAs(t, reportUser),
    employee: await signInAs(t, empUser),
  };
  const name = Object.fromEntries(Object.entries(ids).map(([k, id]) => [id, k[0]!.toUpperCase() + k.slice(1)]));
  /** What a viewer should see of a person: the stored values of the given keys. */
  const shown = (id: string, keys: readonly (keyof Values)[]) => {
    const v = values(name[id]!);
    return Object.fromEntries(keys.map((k) => [k, v[k]]));
  };
  return { org, ids, as, shown, hrUser };
}

let fx: Awaited<ReturnType<typeof acme>>;

describe('custom field values in people answers', () => {
  beforeAll(async () => {
    fx = await acme();
  });

  /** Hand-computed: who sees which fields of whom. */
  function expected(viewer: keyof typeof fx.as, target: keyof typeof fx.ids): readonly (keyof Values)[] {
    const table: Record<keyof typeof fx.as, Partial<Record<keyof typeof fx.ids, readonly (keyof Values)[]>>> = {
      hr: {},
      admin: {},
      // An employee reads their own chain fields, never HR-only ones, and only public ones of others.
      employee: { eli: CHAIN },
      learning: { lena: CHAIN },
      // A manager reads chain fields of everyone below them, however deep; not of their own manager.
      manager: { mona: CHAIN, ravi: CHAIN, dee: CHAIN },
      report: { ravi: CHAIN, dee: CHAIN },
    };
    if (viewer === 'hr' || viewer === 'admin') return ALL;
    return table[viewer][target] ?? PUBLIC;
  }
  const viewers = ['employee', 'manager', 'report', 'learning', 'hr', 'admin'] as const;
  const targets = ['hana', 'adam', 'lena', 'mona', 'ravi', 'eli', 'dee', 'olga'] as const;

  it('shows each profile only the fields the viewer may read of that person', async () => {
    for (const viewer of viewers) {
      for (const target of targets) {
        const res = await fx.as[viewer].get(`people/${fx.ids[target]}`);
        expect(res.status).toBe(200);
        expect(res.body.customFields, `${viewer} reading ${target}`).toEqual(fx.shown(fx.ids[target], expected(viewer, target)));
      }
    }
  });

  it('applies the same to the directory list, its search, reports and chains', async () => {
    for (const viewer of viewers) {
      const c = fx.as[viewer];
      const list = await c.get('people?limit=200');
      expect(list.status).toBe(200);
      expect(list.body.data).toHaveLength(targets.length);
      const check = (people: Array<{ id: string; customFields: unknown }>, where: string) => {
        for (const p of people) {
          const target = targets.find((k) => fx.ids[k] === p.id)!;
          expect(p.customFields, `${viewer} reading ${target} in ${where}`).toEqual(fx.shown(p.id, expected(viewer, target)));
        }
      };
      check(list.body.data, 'the directory');
      const search = await c.get('people?q=dee%20acme');
      expect(search.body.data.map((p: { id: string }) => p.id)).toEqual([fx.ids.dee]);
      check(search.body.data, 'a search');
      const reports = await c.get(`people/${fx.ids.ravi}/reports`);
      expect(reports.body.data).toHaveLength(1);
      check(reports.body.data, 'reports');
      const chain = await c.get(`people/${fx.ids.dee}/chain`);
      expect(chain.body.data.map((p: { id: string }) => p.id)).toEqual([fx.ids.ravi, fx.ids.mona]);
      check(chain.body.data, 'a chain');
    }
  });

  it('finds nobody by a field value: search covers names, email, number and title only', async () => {
    for (const q of ['contractor', 'CC-Olga', 'badge-Olga']) {
      expect((await fx.as.employee.get(`people?q=${q}`)).body.data).toEqual([]);
    }
  });

  it('never puts custom fields in the org chart', async () => {
    for (const viewer of viewers) {
      const level = await fx.as[viewer].get(`org-chart?rootId=${fx.ids.mona}`);
      expect(level.status).toBe(200);
      const text = JSON.stringify(level.body);
      expect(text).not.toContain('customFields');
      expect(text).not.toContain('Contractor');
      expect(text).not.toContain('CC-');
    }
  });

  it('reads an HR admin’s bearer token as staff unless it has the admin scope', async () => {
    const read = (await fx.as.hr.post('api-tokens', { name: 'directory sync', scopes: ['read'] })).body.token;
    const withAdmin = (await fx.as.hr.post('api-tokens', { name: 'HR sync', scopes: ['read', 'admin'] })).body.token;
    const olga = `people/${fx.ids.olga}`;
    expect((await client(t, { token: read }).get(olga)).body.customFields).toEqual(fx.shown(fx.ids.olga, PUBLIC));
    expect((await client(t, { token: withAdmin }).get(olga)).body.customFields).toEqual(fx.shown(fx.ids.olga, ALL));
  });
});

describe('custom field values through smart groups', () => {
  const rule = (key: string, value: string): SmartGroupRule => ({
    match: 'all',
    conditions: [{ field: 'customField', key, op: 'equals', value }],
  });
  let groups: { contractors: string; costCenter: string; badge: string };

  beforeAll(async () => {
    fx ??= await acme();
    const make = async (name: string, r: SmartGroupRule) => {
      const res = await fx.as.hr.post('groups', { name, kind: 'smart', rule: r });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    groups = {
      contractors: await make('Contractors', rule('employment_type', 'Contractor')),
      costCenter: await make('Olga’s cost center', rule('cost_center', 'CC-Olga')),
      badge: await make('Badge Olga', rule('badge', 'badge-Olga')),
    };
  });

  it('withholds from a learning admin the rule of a group that reads a field they may not read', async () => {
    const list = await fx.as.learning.get('groups?limit=50');
    expect(list.status).toBe(200);
    const byId = new Map(list.body.data.map((g: { id: string }) => [g.id, g]));
    // Still listed with its size, so it can be chosen as an audience.
    expect(byId.get(groups.contractors)).toMatchObject({ name: 'Contractors', kind: 'smart', rule: null, memberCount: 8 });
    expect(byId.get(groups.costCenter)).toMatchObject({ rule: null, memberCount: 1 });
    expect(byId.get(groups.badge)).toMatchObject({ rule: rule('badge', 'badge-Olga'), memberCount: 1 });
    expect((await fx.as.learning.get(`groups/${groups.contractors}`)).body.rule).toBeNull();
    expect((await fx.as.hr.get(`groups/${groups.contractors}`)).body.rule).toEqual(rule('employment_type', 'Contractor'));
  });

  it('answers 404 to a learning admin for the members of such a group, as for a group that does not exist', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const id of [groups.contractors, groups.costCenter, unknown]) {
      const members = await fx.as.learning.get(`groups/${id}/members`);
      expect(members.status).toBe(404);
      const filtered = await fx.as.learning.get(`people?groupId=${id}`);
      expect(filtered.status).toBe(404);
      expect(filtered.body.error.code).toBe('not_found');
    }
    const members = await fx.as.learning.get(`groups/${groups.badge}/members`);
    expect(members.status).toBe(200);
    expect(members.body.data).toEqual([expect.objectContaining({ id: fx.ids.olga, customFields: fx.shown(fx.ids.olga, PUBLIC) })]);
    const filtered = await fx.as.learning.get(`people?groupId=${groups.badge}`);
    expect(filtered.body.data.map((p: { customFields: unknown }) => p.customFields)).toEqual([fx.shown(fx.ids.olga, PUBLIC)]);

    const hrMembers = await fx.as.hr.get(`groups/${groups.contractors}/members?limit=50`);
    expect(hrMembers.body.data).toHaveLength(8);
    expect(hrMembers.body.data[0]!.customFields.employment_type).toBe('Contractor');
  });

  it('refuses a preview on a hidden field exactly as on a field that does not exist', async () => {
    const unknown = await fx.as.learning.post('groups/preview', { rule: rule('no_such_field', 'x') });
    expect(unknown.status).toBe(400);
    for (const key of ['employment_type', 'cost_center']) {
      const res = await fx.as.learning.post('groups/preview', { rule: rule(key, 'x') });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body).replaceAll(key, 'no_such_field')).toEqual(JSON.stringify(unknown.body));
    }
    expect(unknown.body.error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'rule.conditions.0.key', message: 'Unknown custom field "no_such_field"' }],
    });

    const ok = await fx.as.learning.post('groups/preview', { rule: rule('badge', 'badge-Olga') });
    expect(ok.body).toEqual({ count: 1, sample: [expect.objectContaining({ id: fx.ids.olga, customFields: fx.shown(fx.ids.olga, PUBLIC) })] });
    const hrPreview = await fx.as.hr.post('groups/preview', { rule: rule('employment_type', 'Contractor') });
    expect(hrPreview.body.count).toBe(8);
    expect(hrPreview.body.sample[0]!.customFields).toHaveProperty('employment_type', 'Contractor');
  });

  it('keeps groups from employees and managers altogether', async () => {
    for (const c of [fx.as.employee, fx.as.manager]) {
      expect((await c.get('groups')).status).toBe(404);
      expect((await c.get(`groups/${groups.badge}/members`)).status).toBe(404);
      expect((await c.get(`people?groupId=${groups.badge}`)).status).toBe(404);
      expect((await c.post('groups/preview', { rule: rule('badge', 'badge-Olga') })).status).toBe(404);
    }
  });
});

describe('custom field visibility setting', () => {
  it('is HR only by default, chosen by HR, listed with the field, and changes what others read at once', async () => {
    const org = await createOrg(t);
    const hrUser = await createUser(t, org.id, { roles: ['hr_admin'] });
    const empUser = await createUser(t, org.id, { customFields: { shirt: 'M', desk: '4.12' } });
    const colleague = await createPerson(t, org.id, { customFields: { shirt: 'L', desk: '2.01' } });
    const [hrc, emp] = [await signInAs(t, hrUser), await signInAs(t, empUser)];

    const shirt = await hrc.post('custom-fields', { key: 'shirt', label: 'Shirt size', type: 'text' });
    expect(shirt.body.visibility).toBe('hr');
    const desk = await hrc.post('custom-fields', { key: 'desk', label: 'Desk', type: 'text', visibility: 'chain' });
    expect(desk.body.visibility).toBe('chain');
    expect((await hrc.raw.post('custom-fields', { key: 'x', label: 'X', type: 'text', visibility: 'public' })).status).toBe(400);

    expect((await hrc.get('custom-fields')).body.data.map((f: { key: string; visibility: string }) => [f.key, f.visibility])).toEqual([
      ['desk', 'chain'],
      ['shirt', 'hr'],
    ]);
    // Employees are told of the fields they may read of someone (themself at least).
    expect((await emp.get('custom-fields')).body.data.map((f: { key: string }) => f.key)).toEqual(['desk']);
    expect((await emp.get(`people/${empUser.person.id}`)).body.customFields).toEqual({ desk: '4.12' });
    expect((await emp.get(`people/${colleague.id}`)).body.customFields).toEqual({});

    const changed = await hrc.patch(`custom-fields/${shirt.body.id}`, { visibility: 'everyone' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ key: 'shirt', visibility: 'everyone' });
    expect((await emp.get(`people/${colleague.id}`)).body.customFields).toEqual({ shirt: 'L' });
    expect((await emp.patch(`custom-fields/${shirt.body.id}`, { visibility: 'hr' })).status).toBe(404);

    const audit = await t.ctx.database.executeSql(
      `select before, after from audit_event where org_id = $1 and action = 'custom_field.updated'`,
      [org.id],
    );
    expect(audit.rows.map((r) => [r.before.visibility, r.after.visibility])).toEqual([['hr', 'everyone']]);
  });

  it('gives people import reports, which carry every value, to HR admins only', async () => {
    if (!fx) fx = await acme();
    const csv = 'email,first name,last name,employment_type\nnew.person@example.test,New,Person,Contractor\n';
    const hrReport = await fx.as.hr.post('people/imports?dryRun=true', csv, { 'content-type': 'text/csv' });
    expect(hrReport.status).toBe(200);
    for (const c of [fx.as.learning, fx.as.manager, fx.as.employee]) {
      expect((await c.post('people/imports?dryRun=true', csv, { 'content-type': 'text/csv' })).status).toBe(404);
      const queued = await fx.as.hr.post('people/imports?dryRun=true&async=true', csv, { 'content-type': 'text/csv' });
      expect((await c.get(`people/imports/${queued.body.id}`)).status).toBe(404);
    }
  });
});

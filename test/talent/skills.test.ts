import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';

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
});

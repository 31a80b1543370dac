import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { customField } from '../../src/server/db/schema/index.ts';
import { FIELD_DEFS_TTL_MS } from '../../src/server/modules/org/custom-fields.cache.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createPerson, createUser } from '../support/factories.ts';

// A process believes an organisation's field definitions for FIELD_DEFS_TTL_MS. A change made
// through the process applies there at once; one written by another process (here, straight to
// the database) applies within the bound, never later.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterEach(() => {
  vi.useRealTimers();
});

async function setup() {
  const org = await createOrg(t);
  const hr = await signInAs(t, await createUser(t, org.id, { roles: ['hr_admin'] }));
  const staff = await signInAs(t, await createUser(t, org.id));
  expect((await hr.post('custom-fields', { key: 'badge', label: 'Badge', type: 'text', visibility: 'everyone' })).status).toBe(201);
  const ada = await createPerson(t, org.id, { firstName: 'Ada', lastName: 'Cache', customFields: { badge: 'A-1' } });
  return { org, hr, staff, ada };
}

describe('the field definitions cache', () => {
  it('applies a visibility change made through this process at once, on profiles and lists', async () => {
    const { hr, staff, ada } = await setup();
    expect((await staff.get(`people/${ada.id}`)).body.customFields).toEqual({ badge: 'A-1' });
    const field = (await hr.get('custom-fields')).body.data.find((f) => f.key === 'badge')!;
    expect((await hr.patch(`custom-fields/${field.id}`, { visibility: 'hr' })).status).toBe(200);
    expect((await staff.get(`people/${ada.id}`)).body.customFields).toEqual({});
    expect((await staff.get('people', { q: 'Cache' })).body.data[0]!.customFields).toEqual({});
    expect((await hr.get(`people/${ada.id}`)).body.customFields).toEqual({ badge: 'A-1' });
  });

  it('applies a change made by another process to people lists within the bound, and to a profile at once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { org, staff, ada } = await setup();
    const listed = async () => (await staff.get('people', { q: 'Cache' })).body.data[0]!.customFields;
    expect(await listed()).toEqual({ badge: 'A-1' });
    // Another replica made the field HR only.
    await t.ctx.db.update(customField).set({ visibility: 'hr' }).where(and(eq(customField.orgId, org.id), eq(customField.key, 'badge')));
    // A profile reads the definitions in its own statement.
    expect((await staff.get(`people/${ada.id}`)).body.customFields).toEqual({});
    vi.advanceTimersByTime(FIELD_DEFS_TTL_MS - 1);
    expect(await listed()).toEqual({ badge: 'A-1' });
    vi.advanceTimersByTime(1);
    expect(await listed()).toEqual({});
  });
});

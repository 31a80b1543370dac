import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { person } from '../../src/server/db/schema/index.ts';
import { CHAIN_DEPTH, isInChainOf, reportsOf } from '../../src/server/modules/org/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createPerson, createUser } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

/** A single line of `n` people, each managing the next, in one statement; [0] is the top. */
async function line(orgId: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => uuidv7());
  await t.ctx.db.insert(person).values(
    ids.map((id, i) => ({ id, orgId, firstName: 'Level', lastName: String(i), email: `l${i}-${id.slice(-8)}@example.test`, managerId: i ? ids[i - 1]! : null })),
  );
  return ids;
}

describe('reporting chain', () => {
  it('follows a chain CHAIN_DEPTH levels deep and stops there', async () => {
    const org = await createOrg(t);
    const ids = await line(org.id, CHAIN_DEPTH + 2);
    const top = ids[0]!;
    expect(await isInChainOf(t.ctx.db, org.id, top, ids[CHAIN_DEPTH]!)).toBe(true);
    expect(await isInChainOf(t.ctx.db, org.id, top, ids[CHAIN_DEPTH + 1]!)).toBe(false);
    expect(await isInChainOf(t.ctx.db, org.id, ids[5]!, ids[4]!)).toBe(false);
    expect(new Set(await reportsOf(t.ctx.db, org.id, top))).toEqual(new Set(ids.slice(1, CHAIN_DEPTH + 1)));

    // The profile's chain shows the same bound, nearest manager first.
    const viewer = await signInAs(t, await createUser(t, org.id));
    const chain = await viewer.get(`people/${ids[CHAIN_DEPTH + 1]}/chain`);
    expect(chain.status).toBe(200);
    expect(chain.body.data.map((p: { id: string }) => p.id)).toEqual(ids.slice(1, CHAIN_DEPTH + 1).reverse());
  });

  it('ends the walk through a cycle in manager data, naming each person once', async () => {
    const org = await createOrg(t);
    const aUser = await createUser(t, org.id, { lastName: 'A' });
    const a = aUser.person;
    const b = await createPerson(t, org.id, { lastName: 'B', managerId: a.id });
    const c = await createPerson(t, org.id, { lastName: 'C', managerId: b.id });
    // Bad data the API refuses to make: A reports to B, who reports to A.
    await t.ctx.db.update(person).set({ managerId: b.id }).where(eq(person.id, a.id));
    const outsider = await createUser(t, org.id, { lastName: 'Outsider' });

    expect(await isInChainOf(t.ctx.db, org.id, a.id, c.id)).toBe(true);
    expect(await isInChainOf(t.ctx.db, org.id, outsider.person.id, a.id)).toBe(false);
    expect(new Set(await reportsOf(t.ctx.db, org.id, a.id))).toEqual(new Set([a.id, b.id, c.id]));

    const viewer = await signInAs(t, outsider);
    const chain = await viewer.get(`people/${c.id}/chain`);
    expect(chain.status).toBe(200);
    expect(chain.body.data.map((p: { id: string }) => p.id)).toEqual([b.id, a.id]);
    expect((await viewer.get(`org-chart/path/${c.id}`)).status).toBe(200);

    // A manager in the cycle gets their team page, each report once.
    const team = await (await signInAs(t, aUser)).get('team/learning');
    expect(team.status).toBe(200);
    const shown = team.body.data.map((m: { person: { id: string } }) => m.person.id);
    expect(shown).toEqual(expect.arrayContaining([b.id, c.id]));
    expect(new Set(shown).size).toBe(shown.length);
  });
});

import { uuidv7 } from 'uuidv7';
import { department, organisation, person, userAccount } from '../../src/server/db/schema/index.ts';
import type { PermissionRole } from '../../src/server/db/schema/identity.ts';
import { hashPassword } from '../../src/server/modules/identity/index.ts';
import type { TestApp } from './app.ts';

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

type PersonAttrs = Partial<typeof person.$inferInsert>;

/** A fresh tenant per test, so tests never see each other's data. */
export async function createOrg(t: TestApp, name = 'Org ' + uuidv7().slice(-8)) {
  const [org] = await t.ctx.db
    .insert(organisation)
    .values({ name, slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${uuidv7().slice(-12)}` })
    .returning();
  return org!;
}

let seq = 0;
export async function createPerson(t: TestApp, orgId: string, attrs: PersonAttrs = {}) {
  seq += 1;
  const suffix = `${seq}-${uuidv7().slice(-6)}`;
  const [p] = await t.ctx.db
    .insert(person)
    .values({
      orgId,
      firstName: 'Pat',
      lastName: `Person${seq}`,
      email: `person${suffix}@example.test`,
      ...attrs,
    })
    .returning();
  return p!;
}

export async function createDepartment(t: TestApp, orgId: string, name: string, parentId?: string) {
  const [d] = await t.ctx.db.insert(department).values({ orgId, name, parentId }).returning();
  return d!;
}

export type TestUser = Awaited<ReturnType<typeof createUser>>;

/** A person with an account and the shared test password. */
export async function createUser(t: TestApp, orgId: string, opts: PersonAttrs & { roles?: PermissionRole[] } = {}) {
  const { roles = [], ...attrs } = opts;
  const p = await createPerson(t, orgId, attrs);
  passwordHash ??= hashPassword(PASSWORD);
  const [account] = await t.ctx.db
    .insert(userAccount)
    .values({ orgId, personId: p.id, email: p.email, passwordHash: await passwordHash, roles })
    .returning();
  return { person: p, account: account!, email: p.email, orgId };
}

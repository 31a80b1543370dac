import type { TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';

/** A fresh organisation with an HR admin and a plain employee, both signed in. */
export async function orgWithAdmin(t: TestApp) {
  const org = await createOrg(t);
  const hrUser = await createUser(t, org.id, { firstName: 'Hana', lastName: 'Admin', roles: ['hr_admin'] });
  const empUser = await createUser(t, org.id, { firstName: 'Eli', lastName: 'Employee' });
  return { org, hrUser, empUser, hr: await signInAs(t, hrUser), emp: await signInAs(t, empUser) };
}

let n = 0;
/** A valid person body with a unique email. */
export function personBody(extra: Record<string, unknown> = {}) {
  n += 1;
  return { email: `new${n}-${Math.random().toString(36).slice(2, 8)}@example.test`, firstName: 'New', lastName: `Hire${n}`, ...extra };
}

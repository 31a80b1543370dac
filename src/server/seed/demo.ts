import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../context.ts';
import type { PermissionRole } from '../db/schema/identity.ts';
import { hashPassword } from '../modules/identity/index.ts';
import { refreshSmartGroups } from '../modules/org/index.ts';
import { recordChange, systemRef } from '../modules/platform/index.ts';
import { AppError } from '../platform/http/errors.ts';
import { demoCustomFields } from './demo/custom-fields.ts';
import { buildDemoGroups } from './demo/groups.ts';
import { seedDemoLearning, type DemoLearningSummary } from './demo/learning/index.ts';
import { seedDemoTalent } from './demo/talent/index.ts';
import { seedDemoInsight } from './demo/insight/index.ts';
import { seedDemoPerformance } from './demo/performance/index.ts';
import { recomputeForPeople } from '../modules/insight/index.ts';
import { buildDemoOrg } from './demo/people.ts';
import type { DemoRole } from './demo/structure.ts';
import * as repo from './seed.repo.ts';

export const DEMO_PASSWORD = 'tandem-demo';
export const DEMO_ORG_NAME = 'Acme Corporation';
export const DEMO_SLUG = 'acme';
export const DEMO_EMAIL_DOMAIN = 'acme.example';

/** The demo accounts, in the order the sign-in hint lists them. */
export const demoAccounts: ReadonlyArray<{ role: DemoRole; roles: PermissionRole[]; label: string }> = [
  { role: 'admin', roles: ['admin'], label: 'Admin' },
  { role: 'hr', roles: ['hr_admin'], label: 'HR admin' },
  { role: 'learning', roles: ['learning_admin'], label: 'Learning admin' },
  { role: 'manager', roles: [], label: 'Manager' },
  { role: 'employee', roles: [], label: 'Employee' },
];

export type SeedOptions = {
  /** Tests seed side by side in one database: a slug and email domain of their own. */
  slug?: string;
  emailDomain?: string;
};

export type SeedResult = {
  orgId: string;
  people: number;
  departments: number;
  groups: number;
  accounts: string[];
  learning: DemoLearningSummary;
};

/** Seeds the demo organisation when the database holds no organisation yet; true when it did. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  if (await repo.anyOrganisation(ctx.db)) return false;
  const result = await seedInTransaction(ctx, {}, true);
  if (result) ctx.log.info({ orgId: result.orgId, people: result.people }, 'demo organisation seeded');
  return !!result;
}

/** Seeds "Acme Corporation"; refuses when an organisation with the demo slug exists. */
export async function seedDemo(ctx: AppContext, opts: SeedOptions = {}): Promise<SeedResult> {
  return (await seedInTransaction(ctx, opts, false))!;
}

async function seedInTransaction(ctx: AppContext, opts: SeedOptions, onlyIfEmpty: boolean): Promise<SeedResult | null> {
  const slug = opts.slug ?? DEMO_SLUG;
  const domain = opts.emailDomain ?? DEMO_EMAIL_DOMAIN;
  const today = ctx.clock.now();
  const org = buildDemoOrg(today, domain);
  const groups = buildDemoGroups(org, today);
  const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2 is slow on purpose

  return ctx.db.transaction(async (tx) => {
    await repo.lockSeeding(tx);
    // Checked again under the lock: another replica may have seeded meanwhile.
    if (onlyIfEmpty && (await repo.anyOrganisation(tx))) return null;
    if (await repo.findOrganisationBySlug(tx, slug)) {
      throw new AppError('conflict', `An organisation with the slug "${slug}" already exists; the demo organisation is seeded once`);
    }
    const { id: orgId } = await repo.insertOrganisation(tx, { name: DEMO_ORG_NAME, slug });
    await repo.insertDepartments(
      tx,
      org.departments.map((d) => ({ id: d.id, orgId, name: d.name, parentId: d.parentId })),
    );
    await repo.insertCustomFields(tx, demoCustomFields.map((f) => ({ orgId, ...f })));
    await repo.insertPeople(
      tx,
      org.people.map(({ level: _level, demoRole: _role, ...p }) => ({ ...p, orgId, status: 'active' as const })),
    );
    await repo.insertAccounts(
      tx,
      demoAccounts.map((a) => {
        const p = org.people.find((x) => x.demoRole === a.role)!;
        return { orgId, personId: p.id, email: p.email, passwordHash, roles: a.roles };
      }),
    );
    const groupRows = groups.map((g) => ({ id: uuidv7(), orgId, name: g.name, description: g.description, kind: g.kind, rule: g.rule }));
    await repo.insertGroups(tx, groupRows);
    await repo.insertGroupMembers(
      tx,
      groups.flatMap((g, i) => g.memberIds.map((personId) => ({ orgId, groupId: groupRows[i]!.id, personId }))),
    );
    const by = systemRef(orgId, 'demo seed');
    await refreshSmartGroups(tx, orgId, by, { now: today });
    const learning = await seedDemoLearning(tx, { orgId, org, groups: groupRows }, today);
    await seedDemoTalent(tx, { orgId, org }, today);
    await seedDemoPerformance(tx, { orgId, org }, today);
    // The closed loop reads what learning, talent and performance left: follow-ups, decided or asked.
    await seedDemoInsight(ctx, tx, { orgId, org }, today);
    // Recommendations read profiles, aspirations, skill hurdles and goals' skills: computed last, by the job's code.
    await recomputeForPeople(tx, orgId, 'all', today);
    const result: SeedResult = {
      orgId,
      people: org.people.length,
      departments: org.departments.length,
      groups: groups.length,
      accounts: demoAccounts.map((a) => `${a.role}@${domain}`),
      learning,
    };
    await recordChange(tx, by, {
      action: 'org.seeded',
      recordType: 'organisation',
      recordId: orgId,
      after: { name: DEMO_ORG_NAME, slug, people: result.people, departments: result.departments, groups: result.groups },
    });
    return result;
  });
}

/** The demo accounts that exist (for the sign-in hint `tandem start` prints). */
export async function findDemoAccounts(ctx: AppContext) {
  const org = await repo.findOrganisationBySlug(ctx.db, DEMO_SLUG);
  if (!org) return [];
  const emails = demoAccounts.map((a) => `${a.role}@${DEMO_EMAIL_DOMAIN}`);
  const found = await repo.accountsByEmail(ctx.db, org.id, emails);
  return demoAccounts
    .map((a) => ({ ...a, email: `${a.role}@${DEMO_EMAIL_DOMAIN}`, account: found.find((f) => f.email === `${a.role}@${DEMO_EMAIL_DOMAIN}`) }))
    .filter((a) => a.account)
    .map((a) => ({ email: a.email, label: a.label, name: `${a.account!.firstName} ${a.account!.lastName}`, jobTitle: a.account!.jobTitle }));
}

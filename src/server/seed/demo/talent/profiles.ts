import type { DbOrTx } from '../../../platform/db/index.ts';
import { ceo, departments } from '../structure.ts';
import type { DemoTalentInput } from './index.ts';
import * as repo from './profiles.repo.ts';

/** Five level descriptors in the framework's usual progression, for the skills the roles add. */
const ladder = (what: string): string[] => [
  `Knows the basics of ${what} and works on it with guidance.`,
  `Handles routine ${what} work on their own.`,
  `Handles complex ${what} work and helps colleagues with theirs.`,
  `Leads ${what} for a team and sets its good practice.`,
  `Shapes how Acme approaches ${what}; known for it beyond their team.`,
];
const extra = (name: string, category: string, description: string, what = name.toLowerCase()): repo.SeedSkill => ({
  name,
  category,
  description,
  levels: ladder(what),
});

/** Role skills beyond the learning library's (about forty in all). */
export const roleSkills: repo.SeedSkill[] = [
  extra('Cloud infrastructure', 'Engineering', 'Running services on cloud platforms: networks, compute, cost.'),
  extra('Incident response', 'Engineering', 'Detecting, handling and learning from production incidents.'),
  extra('Data engineering', 'Data', 'Building reliable pipelines and models of the company’s data.'),
  extra('Statistics & machine learning', 'Data', 'Sound analysis, experiments and predictive models.', 'statistics and machine learning'),
  extra('UX design', 'Design', 'Designing flows and interfaces people understand at first sight.', 'UX design'),
  extra('User research', 'Design', 'Learning what users need through interviews, tests and data.'),
  extra('Writing', 'Core', 'Clear, concise writing for the reader at hand.'),
  extra('Test automation', 'Engineering', 'Automated tests that catch regressions early and run fast.'),
  extra('Secure development', 'Engineering', 'Building software that resists attack: threat models, reviews, fixes.'),
  extra('Prospecting', 'Commercial', 'Finding and opening conversations with the right prospects.'),
  extra('Sales discovery', 'Commercial', 'Uncovering a buyer’s needs, stakes and decision process.'),
  extra('Account planning', 'Commercial', 'Planning how to grow and keep a key account.'),
  extra('Product knowledge', 'Commercial', 'Knowing what Acme’s products do, for whom, and how they compare.', 'Acme’s products'),
  extra('CRM & sales tooling', 'Commercial', 'Keeping the pipeline accurate in the CRM and its tools.', 'the CRM and sales tooling'),
  extra('Marketing analytics', 'Marketing', 'Measuring campaigns and channels and acting on the numbers.'),
  extra('Brand storytelling', 'Marketing', 'Telling Acme’s story consistently across channels.'),
  extra('Technical troubleshooting', 'Customer', 'Finding the cause of a customer’s technical problem quickly.'),
  extra('Recruiting', 'People', 'Finding, assessing and winning the right candidates.'),
  extra('Employment law & HR policy', 'People', 'Applying employment law and Acme’s HR policies fairly.', 'employment law and HR policy'),
  extra('Financial analysis', 'Finance', 'Budgets, forecasts and the analysis behind business decisions.'),
  extra('Contract drafting', 'Legal', 'Drafting and negotiating clear, balanced contracts.'),
  extra('IT administration', 'Operations', 'Running the company’s devices, accounts and business systems.', 'IT administration'),
  extra('Vendor & facilities management', 'Operations', 'Managing offices, suppliers and their contracts.', 'vendor and facilities management'),
];

/** The skills each team's roles share, by unit. */
const unitSkills: Record<string, string[]> = {
  'Product Engineering': ['Software development', 'Code review', 'System design', 'Communication'],
  Platform: ['Cloud infrastructure', 'Incident response', 'Software development', 'System design'],
  Data: ['Data engineering', 'SQL', 'Data literacy', 'Statistics & machine learning'],
  Design: ['UX design', 'User research', 'Presenting', 'Customer empathy'],
  'Quality & Security': ['Test automation', 'Secure development', 'Security awareness', 'Software development'],
  'Sales EMEA': ['Negotiation', 'Sales discovery', 'Product knowledge', 'CRM & sales tooling'],
  'Sales North America': ['Negotiation', 'Sales discovery', 'Product knowledge', 'Account planning'],
  'Business Development': ['Prospecting', 'Communication', 'CRM & sales tooling', 'Product knowledge'],
  'Sales Operations': ['CRM & sales tooling', 'Data literacy', 'SQL', 'Stakeholder management'],
  'Growth Marketing': ['Marketing analytics', 'Data literacy', 'Writing', 'Prioritisation'],
  'Brand & Content': ['Brand storytelling', 'Writing', 'Presenting', 'Customer empathy'],
  'Product Marketing': ['Product knowledge', 'Brand storytelling', 'Presenting', 'Marketing analytics'],
  'Customer Support': ['Customer empathy', 'Technical troubleshooting', 'Product knowledge', 'Communication'],
  'Account Management': ['Account planning', 'Customer empathy', 'Negotiation', 'Stakeholder management'],
  Implementation: ['Project management', 'Technical troubleshooting', 'Product knowledge', 'Stakeholder management'],
  'People Operations': ['Employment law & HR policy', 'Communication', 'Giving feedback', 'Data literacy'],
  'Talent Acquisition': ['Recruiting', 'Communication', 'Stakeholder management', 'Time management'],
  'Learning & Development': ['Coaching', 'Presenting', 'Project management', 'Giving feedback'],
  Finance: ['Financial analysis', 'Data literacy', 'SQL', 'Time management'],
  'IT & Operations': ['IT administration', 'Security awareness', 'Technical troubleshooting', 'Prioritisation'],
  Legal: ['Contract drafting', 'Negotiation', 'Writing', 'Stakeholder management'],
  Workplace: ['Vendor & facilities management', 'Project management', 'Communication', 'Time management'],
};

/** A title's own skills beyond its unit's, by what its name says. */
const titleSkills: [RegExp, string[]][] = [
  [/Research/, ['User research']],
  [/Content|Copywriter/, ['Writing']],
  [/Security|Privacy/, ['Secure development', 'Security awareness']],
  [/Data Scientist/, ['Statistics & machine learning']],
  [/Analyst|Analytics/, ['Data literacy', 'SQL']],
  [/Solutions|Technical|Support Engineer/, ['Technical troubleshooting']],
  [/Enterprise/, ['Account planning', 'Stakeholder management']],
  [/Recruit/, ['Recruiting']],
  [/Designer/, ['UX design']],
];

const leadership = ['Coaching', 'Giving feedback', 'Delegation'];

/** 0 junior, 1 senior, 2 staff/enterprise, 3 manager, 4 head of a department. */
const rank = (title: string, kind: 'ic' | 'manager' | 'head') =>
  kind === 'head' ? 4 : kind === 'manager' ? 3 : /^(Staff|Enterprise)\b/.test(title) ? 2 : /^Senior\b/.test(title) ? 1 : 0;

type Role = { name: string; family: string; unit: string | null; kind: 'ic' | 'manager' | 'head' };

export function demoRoles(): Role[] {
  const out = new Map<string, Role>();
  const add = (r: Role) => {
    if (!out.has(r.name.toLowerCase())) out.set(r.name.toLowerCase(), r);
  };
  add({ name: ceo.title, family: 'Leadership', unit: null, kind: 'head' });
  for (const d of departments) {
    add({ name: d.headTitle, family: d.name, unit: null, kind: 'head' });
    for (const t of d.teams) {
      add({ name: t.managerTitle, family: d.name, unit: t.unit, kind: 'manager' });
      for (const [title] of t.titles) add({ name: title, family: d.name, unit: t.unit, kind: 'ic' });
    }
  }
  return [...out.values()];
}

export function expectations(r: Role): { name: string; level: number }[] {
  const own = titleSkills.filter(([re]) => re.test(r.name)).flatMap(([, s]) => s);
  const unit = r.unit ? (unitSkills[r.unit] ?? []) : ['Stakeholder management', 'Prioritisation', 'Presenting'];
  const level = [2, 3, 4, 3, 4][rank(r.name, r.kind)]!;
  const skills = r.kind === 'ic' ? [...new Set([...own, ...unit])].slice(0, 5) : [...new Set([...unit.slice(0, 3), ...leadership])].slice(0, 6);
  return skills.map((name) => ({ name, level: leadership.includes(name) ? (r.kind === 'head' ? 4 : 3) : own.includes(name) ? Math.min(5, level + 1) : level }));
}

/** Promotions up each team's ladder (never down a rank, so never a loop) and a few lateral moves. */
export function demoPaths(roles: Role[]): { from: string; to: string; kind: 'promotion' | 'lateral' }[] {
  const out: { from: string; to: string; kind: 'promotion' | 'lateral' }[] = [];
  const names = new Set(roles.map((r) => r.name));
  for (const d of departments) {
    for (const t of d.teams) {
      const titles = t.titles.map(([x]) => x);
      for (const x of titles) {
        if (names.has(`Senior ${x}`)) out.push({ from: x, to: `Senior ${x}`, kind: 'promotion' });
        const base = x.replace(/^Senior /, '');
        if (x.startsWith('Senior ') && names.has(`Staff ${base}`)) out.push({ from: x, to: `Staff ${base}`, kind: 'promotion' });
      }
      const top = Math.max(...titles.map((x) => rank(x, 'ic')));
      for (const x of titles) if (rank(x, 'ic') === top && top > 0) out.push({ from: x, to: t.managerTitle, kind: 'promotion' });
      out.push({ from: t.managerTitle, to: d.headTitle, kind: 'promotion' });
    }
  }
  const curated: [string, string, 'promotion' | 'lateral'][] = [
    ['Senior Sales Development Representative', 'Account Executive', 'promotion'],
    ['Senior Account Executive', 'Enterprise Account Executive', 'promotion'],
    ['iOS Engineer', 'Senior Mobile Engineer', 'promotion'],
    ['Android Engineer', 'Senior Mobile Engineer', 'promotion'],
    ['Frontend Engineer', 'Senior Software Engineer', 'promotion'],
    ['Backend Engineer', 'Senior Software Engineer', 'promotion'],
    ['Data Scientist', 'Senior Data Scientist', 'promotion'],
    ['Account Executive', 'Solutions Consultant', 'lateral'],
    ['Solutions Consultant', 'Account Executive', 'lateral'],
    ['Senior Account Executive', 'Customer Success Manager', 'lateral'],
    ['Customer Support Specialist', 'Customer Success Manager', 'lateral'],
    ['Technical Support Engineer', 'Solutions Engineer', 'lateral'],
    ['Backend Engineer', 'Site Reliability Engineer', 'lateral'],
    ['Site Reliability Engineer', 'Backend Engineer', 'lateral'],
    ['Data Engineer', 'Analytics Engineer', 'lateral'],
    ['Product Designer', 'UX Researcher', 'lateral'],
    ['Recruiter', 'People Partner', 'lateral'],
    ['Financial Analyst', 'Sales Operations Analyst', 'lateral'],
    ['QA Engineer', 'Test Automation Engineer', 'lateral'],
  ];
  for (const [from, to, kind] of curated) out.push({ from, to, kind });
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.from}|${p.to}`;
    if (p.from === p.to || !names.has(p.from) || !names.has(p.to) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Job profiles for every Acme role (expected skill levels), career paths, and each person's profile. */
export async function seedDemoProfiles(tx: DbOrTx, input: DemoTalentInput, today: Date): Promise<void> {
  const { orgId } = input;
  await repo.insertMissingSkills(tx, orgId, roleSkills);
  const skills = await repo.skillIdsByName(tx, orgId);
  const roles = demoRoles();
  const ids = await repo.insertProfiles(
    tx,
    orgId,
    roles.map((r) => ({ name: r.name, family: r.family, description: r.unit ? `${r.name} in ${r.unit}.` : `${r.name} of Acme.` })),
    today,
  );
  const expected = roles.flatMap((r) => {
    const profileId = ids.get(r.name.toLowerCase());
    if (!profileId) return [];
    return expectations(r).flatMap((e) => {
      const s = skills.get(e.name.toLowerCase());
      return s ? [{ profileId, skillId: s.id, level: Math.min(e.level, s.maxLevel) }] : [];
    });
  });
  await repo.insertExpectedSkills(tx, orgId, expected);
  const paths = demoPaths(roles).flatMap((p) => {
    const fromProfileId = ids.get(p.from.toLowerCase());
    const toProfileId = ids.get(p.to.toLowerCase());
    return fromProfileId && toProfileId ? [{ fromProfileId, toProfileId, kind: p.kind }] : [];
  });
  await repo.insertCareerPaths(tx, orgId, paths, today);
  await repo.assignProfilesByTitle(tx, orgId);
}

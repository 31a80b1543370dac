import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { checkIn, goal, goalPeriod, keyResult, type GoalStatus } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { defaultPeriods, goalProgress, weightedProgress } from '../../../modules/performance/goals/goals.rules.ts';
import { createRandom } from '../random.ts';
import type { DemoPerformanceInput } from './index.ts';

const DAY = 86_400_000;
const WEEKS = 12;

const companyOkrs = ['Win the mid-market in Europe and North America', 'Be the employer people recommend'];
type GoalTemplate = { title: string; skills?: Array<[name: string, level: number | null]>; krs: Array<{ title: string; kind: 'number' | 'percentage' | 'currency' | 'binary'; start: number; target: number; unit?: string }> };
/** Personal goals by top-level department, so an engineer does not own a sales target. */
const personalByDept: Record<string, GoalTemplate[]> = {
  Engineering: [
    { title: 'Ship the self-service reporting dashboard', skills: [['SQL', 3], ['Data literacy', null]], krs: [{ title: 'Reports migrated', kind: 'number', start: 0, target: 12 }, { title: 'Dashboard live for all teams', kind: 'binary', start: 0, target: 1 }] },
    { title: 'Make the public API faster', skills: [['Prioritisation', null]], krs: [{ title: 'Endpoints under 200 ms p95', kind: 'percentage', start: 55, target: 95 }, { title: 'Slow-query alerts per week', kind: 'number', start: 14, target: 2 }] },
    { title: 'Cut onboarding time for new joiners', skills: [['Onboarding knowledge', 3], ['Giving feedback', null]], krs: [{ title: 'Days to first contribution', kind: 'number', start: 20, target: 10 }, { title: 'Onboarding guide published', kind: 'binary', start: 0, target: 1 }] },
    { title: 'Harden the billing service', krs: [{ title: 'Test coverage', kind: 'percentage', start: 48, target: 80 }, { title: 'Incidents this quarter', kind: 'number', start: 5, target: 1 }] },
    { title: 'Move the data pipeline to the new warehouse', skills: [['SQL', 4], ['Project management', null]], krs: [{ title: 'Jobs migrated', kind: 'number', start: 0, target: 40 }, { title: 'Old cluster switched off', kind: 'binary', start: 0, target: 1 }] },
  ],
  Sales: [
    { title: 'Grow qualified pipeline', skills: [['Negotiation', 3]], krs: [{ title: 'Pipeline added', kind: 'currency', start: 0, target: 400000, unit: 'EUR' }, { title: 'Demos booked', kind: 'number', start: 0, target: 30 }] },
    { title: 'Win three logos in the Nordics', krs: [{ title: 'New logos', kind: 'number', start: 0, target: 3 }, { title: 'Bookings', kind: 'currency', start: 0, target: 250000, unit: 'EUR' }] },
    { title: 'Shorten the sales cycle', skills: [['Negotiation', 4], ['Stakeholder management', null]], krs: [{ title: 'Median days to close', kind: 'number', start: 64, target: 45 }] },
  ],
  Marketing: [
    { title: 'Double inbound demo requests', krs: [{ title: 'Demo requests per month', kind: 'number', start: 120, target: 240 }, { title: 'Landing page conversion', kind: 'percentage', start: 2, target: 4 }] },
    { title: 'Launch the customer story series', skills: [['Presenting', 3], ['Customer empathy', null]], krs: [{ title: 'Stories published', kind: 'number', start: 0, target: 8 }] },
  ],
  'Customer Success': [
    { title: 'Raise customer satisfaction', skills: [['Customer empathy', 4], ['Communication', null]], krs: [{ title: 'CSAT', kind: 'percentage', start: 82, target: 90 }, { title: 'Tickets answered within a day', kind: 'percentage', start: 70, target: 95 }] },
    { title: 'Cut churn in the mid-market', krs: [{ title: 'Gross revenue retention', kind: 'percentage', start: 88, target: 93 }] },
  ],
};
const generalGoals: GoalTemplate[] = [
  { title: 'Cut onboarding time for new joiners', skills: [['Onboarding knowledge', 3], ['Giving feedback', null]], krs: [{ title: 'Days to first contribution', kind: 'number', start: 20, target: 10 }, { title: 'Onboarding guide published', kind: 'binary', start: 0, target: 1 }] },
  { title: 'Document the team’s key processes', krs: [{ title: 'Processes written down', kind: 'number', start: 0, target: 6 }] },
];
const blockers = ['Waiting on data access from IT for three weeks', 'Two people out sick; the team is stretched', 'Priorities changed mid-quarter; unclear what comes first', 'The CRM keeps timing out during demos'];

/**
 * Acme's OKRs this quarter: two company objectives, one per top-level department aligned to them,
 * and goals of the demo manager's team aligned to their department's, each with twelve weekly
 * check-ins; some end at risk with blockers (the hurdles seed raises hurdles from those). Progress
 * is rolled up as the service does (key results, then children), with the same pure rules.
 */
export async function seedDemoGoals(tx: DbOrTx, { orgId, org }: DemoPerformanceInput, today: Date): Promise<void> {
  const rnd = createRandom(20_261_111);
  const day = today.toISOString().slice(0, 10);
  const periods = defaultPeriods(day).map((p) => ({ id: uuidv7(), orgId, ...p }));
  await tx.insert(goalPeriod).values(periods);
  const quarter = periods[0]!;
  const at = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY);

  const hr = org.people.find((p) => p.demoRole === 'hr') ?? org.people[0]!;
  const manager = org.people.find((p) => p.demoRole === 'manager');
  const company = companyOkrs.map((title) => ({ id: uuidv7(), title }));
  const tops = org.departments.filter((d) => d.parentId === null);
  const deptGoals = tops.map((d, i) => ({ id: uuidv7(), dept: d, parentId: company[i % company.length]!.id }));

  const goals: (typeof goal.$inferInsert)[] = [];
  const krs: (typeof keyResult.$inferInsert)[] = [];
  const checkIns: (typeof checkIn.$inferInsert)[] = [];
  const goalSkills: Array<{ goalId: string; name: string; level: number | null }> = [];
  const base = { orgId, periodId: quarter.id, createdAt: at(WEEKS * 7 + 3), updatedAt: at(1) };

  const team = manager ? [manager, ...org.people.filter((p) => p.managerId === manager.id)] : [];
  const childProgress = new Map<string, Array<{ progress: number; weight: number }>>();
  for (const [i, p] of team.entries()) {
    const topOf = (deptId: string | null): string | null => {
      let d = org.departments.find((x) => x.id === deptId);
      while (d?.parentId) d = org.departments.find((x) => x.id === d!.parentId);
      return d?.id ?? null;
    };
    const parent = deptGoals.find((g) => g.dept.id === topOf(p.departmentId)) ?? deptGoals[0];
    const count = i === 0 ? 1 : rnd.int(1, 2);
    for (let k = 0; k < count; k++) {
      const list = personalByDept[org.departments.find((d) => d.id === topOf(p.departmentId))?.name ?? ''] ?? generalGoals;
      const tpl = list[(i + k) % list.length]!;
      const goalId = uuidv7();
      // Where each key result ends: most get most of the way, some stall (those are at risk).
      const stalls = rnd.chance(0.3);
      const pace = stalls ? rnd.int(20, 45) / 100 : rnd.int(60, 100) / 100;
      const krRows = tpl.krs.map((kr, position) => ({ id: uuidv7(), orgId, goalId, title: kr.title, kind: kr.kind, unit: kr.unit ?? null, startValue: kr.start, targetValue: kr.target, position, weight: 1 }));
      const valueAt = (kr: (typeof krRows)[number], share: number) =>
        kr.kind === 'binary' ? (share >= 0.95 && pace >= 0.9 ? 1 : 0) : Math.round((kr.startValue + (kr.targetValue - kr.startValue) * share * pace) * 100) / 100;
      let last = { progress: 0, status: 'on_track' as GoalStatus };
      for (let w = 1; w <= WEEKS; w++) {
        const share = w / WEEKS;
        const values = Object.fromEntries(krRows.map((kr) => [kr.id, valueAt(kr, share)]));
        const progress = goalProgress(krRows.map((kr) => ({ ...kr, currentValue: values[kr.id]! })), []) ?? 0;
        const late = w > WEEKS / 2;
        const status: GoalStatus = stalls && late ? (w === WEEKS && rnd.chance(0.3) ? 'off_track' : 'at_risk') : 'on_track';
        const blocked = stalls && late && (w === WEEKS || rnd.chance(0.4));
        checkIns.push({
          id: uuidv7(),
          orgId,
          goalId,
          authorId: p.id,
          confidence: stalls && late ? rnd.int(3, 5) : rnd.int(6, 9),
          status,
          progress,
          note: w === WEEKS ? 'Latest update for the week.' : rnd.chance(0.5) ? 'Steady progress this week.' : null,
          blockers: blocked ? blockers[(i + k) % blockers.length]! : null,
          values,
          createdAt: at((WEEKS - w) * 7 + 1),
        });
        last = { progress, status };
      }
      for (const kr of krRows) krs.push({ ...kr, currentValue: valueAt(kr, 1) });
      for (const [name, level] of tpl.skills ?? []) goalSkills.push({ goalId, name, level });
      goals.push({ ...base, id: goalId, title: tpl.title, ownerType: 'person', ownerPersonId: p.id, parentId: parent?.id ?? null, visibility: 'public', status: last.status, progress: last.progress, createdBy: p.id, lastCheckInAt: at(1) });
      if (parent) childProgress.set(parent.id, [...(childProgress.get(parent.id) ?? []), { progress: last.progress, weight: 1 }]);
    }
  }

  // Departments without the team's goals still move: a modest figure of their own.
  const deptProgress = new Map(deptGoals.map((g) => [g.id, weightedProgress(childProgress.get(g.id) ?? []) ?? rnd.int(35, 75)]));
  for (const g of deptGoals) {
    goals.push({ ...base, id: g.id, title: `${g.dept.name}: deliver our part of the plan`, ownerType: 'department', ownerDepartmentId: g.dept.id, parentId: g.parentId, visibility: 'public', status: 'on_track', progress: deptProgress.get(g.id)!, createdBy: hr.id });
  }
  for (const c of company) {
    const children = deptGoals.filter((g) => g.parentId === c.id).map((g) => ({ progress: deptProgress.get(g.id)!, weight: 1 }));
    goals.push({ ...base, id: c.id, title: c.title, ownerType: 'company', visibility: 'public', status: 'on_track', progress: weightedProgress(children) ?? 0, createdBy: hr.id });
  }
  // Parents first (foreign keys).
  const order = (g: (typeof goal.$inferInsert)) => (g.ownerType === 'company' ? 0 : g.ownerType === 'department' ? 1 : 2);
  goals.sort((a, b) => order(a) - order(b));
  await tx.insert(goal).values(goals);
  if (krs.length) await tx.insert(keyResult).values(krs);
  for (let i = 0; i < checkIns.length; i += 500) await tx.insert(checkIn).values(checkIns.slice(i, i + 500));
  // The skills the goals need, by name from the skills library the learning seed made (recommendations read them).
  if (goalSkills.length) {
    await tx.execute(sql`
      insert into goal_skill (org_id, goal_id, skill_id, level)
      select ${orgId}, n.goal_id, s.id, n.level
      from json_to_recordset(${JSON.stringify(goalSkills.map((g) => ({ goal_id: g.goalId, name: g.name, level: g.level })))}::json) as n(goal_id uuid, name text, level smallint)
      join skill s on s.org_id = ${orgId} and s.name = n.name
      on conflict do nothing`);
  }
}

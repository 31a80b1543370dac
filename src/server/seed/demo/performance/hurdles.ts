import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { courseSkill, enrollment, goal, hurdle, type HurdleCategory, type HurdleStatus } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { createRandom } from '../random.ts';
import type { DemoPerformanceInput } from './index.ts';

const DAY = 86_400_000;

type Template = { title: string; category: HurdleCategory; description: string; resolution?: string };

const open: Template[] = [
  { title: 'Not confident writing SQL for the reporting work', category: 'skill', description: 'The new dashboard goal needs queries I cannot write yet; I ask the data team every time.' },
  { title: 'Two days a week go to unplanned support tickets', category: 'time', description: 'Escalations land on me because I know the legacy system.' },
  { title: 'The staging environment is down most mornings', category: 'tools', description: 'Hard to test anything before noon.' },
  { title: 'Unclear who decides on the roadmap priorities', category: 'clarity', description: 'Two stakeholders ask for opposite things for the same quarter.' },
  { title: 'Three projects due in the same fortnight', category: 'workload', description: 'Everything was scheduled before the launch date moved.' },
  { title: 'Struggling to switch off after on-call weeks', category: 'wellbeing', description: 'Would like to talk about how on-call is shared.' },
  { title: 'Unsure how to run the customer workshops', category: 'skill', description: 'I have not facilitated a workshop before.' },
];
const resolved: Template[] = [
  { title: 'No licence for the design tool', category: 'tools', description: 'Waiting on procurement.', resolution: 'Licence approved and installed.' },
  { title: 'Too many recurring meetings', category: 'time', description: 'Eleven hours a week in status meetings.', resolution: 'Merged the status meetings into one weekly written update.' },
  { title: 'Did not know the new expense policy', category: 'clarity', description: 'Claims kept being returned.', resolution: 'Walked through the policy with finance.' },
  { title: 'Presenting to the leadership team', category: 'skill', description: 'Nervous about the quarterly review.', resolution: 'Practised with the manager; the review went well.' },
];

/**
 * Hurdles for the demo manager's team, as check-ins and 1:1s would have raised them: open, in
 * progress and resolved, of every category, some linked to the person's goals (read from the goal
 * table, which the goals seed filled first), and a few of the team's existing open enrolments
 * re-linked to a skill hurdle they answer (reason `hurdle`, baseline status), as assigning
 * learning from the hurdle would have made them.
 */
export async function seedDemoHurdles(tx: DbOrTx, input: DemoPerformanceInput, today: Date): Promise<void> {
  const { orgId, org } = input;
  const rnd = createRandom(20_261_111);
  const manager = org.people.find((p) => p.demoRole === 'manager');
  if (!manager) return;
  const employee = org.people.find((p) => p.demoRole === 'employee');
  const team = org.people.filter((p) => p.managerId === manager.id);
  if (!team.length) return;
  // The demo employee first, so their page always shows hurdles.
  team.sort((a, b) => Number(b.id === employee?.id) - Number(a.id === employee?.id));
  const teamIds = team.map((p) => p.id);

  const goals = await tx
    .select({ id: goal.id, personId: goal.ownerPersonId })
    .from(goal)
    .where(and(eq(goal.orgId, orgId), eq(goal.ownerType, 'person'), inArray(goal.ownerPersonId, teamIds)))
    .orderBy(asc(goal.createdAt), asc(goal.id));
  const goalsOf = new Map<string, string[]>();
  for (const g of goals) goalsOf.set(g.personId!, [...(goalsOf.get(g.personId!) ?? []), g.id]);

  const at = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY);
  const rows: (typeof hurdle.$inferInsert)[] = [];
  let o = 0;
  let r = 0;
  for (const [i, p] of team.entries()) {
    const count = p.id === employee?.id ? 3 : rnd.int(1, 2);
    for (let k = 0; k < count; k++) {
      const isResolved = k === count - 1 && count > 1 && (p.id === employee?.id || rnd.chance(0.5));
      const tpl = isResolved ? resolved[r++ % resolved.length]! : open[o++ % open.length]!;
      const status: HurdleStatus = isResolved ? 'resolved' : k === 1 || rnd.chance(0.25) ? 'in_progress' : 'open';
      const personGoals = goalsOf.get(p.id) ?? [];
      const goalId = personGoals.length && (k === 0 || rnd.chance(0.4)) ? personGoals[(i + k) % personGoals.length]! : null;
      const created = at(rnd.int(isResolved ? 40 : 3, isResolved ? 80 : 35));
      const source = goalId ? 'check_in' : rnd.pick(['self', 'one_on_one'] as const);
      rows.push({
        id: uuidv7(),
        orgId,
        personId: p.id,
        title: tpl.title,
        description: tpl.description,
        category: tpl.category,
        status,
        goalId,
        source,
        raisedBy: source === 'one_on_one' ? manager.id : p.id,
        resolvedAt: isResolved ? new Date(created.getTime() + rnd.int(5, 25) * DAY) : null,
        resolution: tpl.resolution ?? null,
        createdAt: created,
        updatedAt: isResolved ? new Date(created.getTime() + rnd.int(5, 25) * DAY) : created,
      });
    }
  }

  // Open assigned enrolments of the team not linked to any record yet, to re-link to a skill hurdle of the same person.
  const enrolments = await tx
    .select({ id: enrollment.id, personId: enrollment.personId, courseId: enrollment.courseId })
    .from(enrollment)
    .where(
      and(
        eq(enrollment.orgId, orgId),
        inArray(enrollment.personId, teamIds),
        inArray(enrollment.status, ['not_started', 'in_progress']),
        // Goals and 1:1s re-link their own; compliance and onboarding have reasons of their own.
        notInArray(enrollment.reasonType, ['compliance', 'onboarding', 'goal', 'one_on_one', 'hurdle']),
        isNull(enrollment.reasonRecordId),
        isNull(enrollment.parentEnrollmentId),
        sql`${enrollment.courseId} is not null`,
      ),
    )
    .orderBy(sql`${enrollment.reasonType} <> 'skill_gap'`, asc(enrollment.id));
  const firstOf = new Map<string, (typeof enrolments)[number]>();
  for (const e of enrolments) if (!firstOf.has(e.personId)) firstOf.set(e.personId, e);

  const links: { enrollmentId: string; hurdleId: string; status: HurdleStatus; createdAt: Date }[] = [];
  for (const p of team) {
    if (links.length >= 4) break;
    const e = firstOf.get(p.id);
    const h = rows.find((x) => x.personId === p.id && x.status !== 'resolved');
    if (!e || !h) continue;
    h.category = 'skill';
    const [taught] = await tx
      .select({ skillId: courseSkill.skillId })
      .from(courseSkill)
      .where(and(eq(courseSkill.orgId, orgId), eq(courseSkill.courseId, e.courseId!)))
      .orderBy(asc(courseSkill.skillId))
      .limit(1);
    h.skillId = taught?.skillId ?? null;
    links.push({ enrollmentId: e.id, hurdleId: h.id!, status: h.status!, createdAt: h.createdAt! });
  }

  if (rows.length) await tx.insert(hurdle).values(rows);
  for (const l of links) {
    // The enrolment is as assigning from the hurdle makes it: the reason points at it, the status then is the baseline.
    await tx
      .update(enrollment)
      // The old note described the old reason; the hurdle's text is private to the person's chain, so no note.
      .set({ reasonType: 'hurdle', reasonRecordType: 'hurdle', reasonRecordId: l.hurdleId, reasonNote: null, baselineSignal: { hurdleStatus: l.status === 'resolved' ? 'open' : l.status } })
      .where(and(eq(enrollment.orgId, orgId), eq(enrollment.id, l.enrollmentId)));
  }
}

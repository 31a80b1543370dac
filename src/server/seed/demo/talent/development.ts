import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { createRandom } from '../random.ts';
import type { DemoTalentInput } from './index.ts';
import * as repo from './development.repo.ts';

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
/** Current levels are stored as float4: two decimals, as shown. */
const round = (v: number | undefined) => (v == null ? null : Math.round(v * 100) / 100);

const ownWords = [
  'Lead a small team within two years',
  'Move closer to the customer: solutions or customer success',
  'Become the go-to person for data in my department',
  'Work abroad in one of our other offices',
  'Grow into a product role',
];
const interestPool = ['Coaching', 'Public speaking', 'Data', 'Automation', 'Customer research', 'Hiring', 'Writing', 'Negotiation', 'Design', 'Finance'];
type State = 'planned' | 'in_progress' | 'done' | 'dropped' | 'pending' | 'declined';
const everyState: State[] = ['in_progress', 'planned', 'pending', 'done', 'dropped', 'declined'];

/**
 * Aspirations for about 30% of Acme (the next promotion profile where the career paths have
 * one, the person's own words otherwise or sometimes), and development plans for the demo
 * employee, the demo manager's team and a sample of others, with items in every state. Items
 * aim at the person's gaps (current level below the profile's expectation, from the assessments
 * seed); a course item that is not waiting for approval is enrolled as the API would: reason
 * skill_gap, linked to the item, due on its due date, with the baseline of every skill concerned
 * from person_skill; an open enrolment the learning seed already made is linked instead.
 */
export async function seedDemoDevelopment(tx: DbOrTx, input: DemoTalentInput, today: Date): Promise<void> {
  const { orgId, org } = input;
  const rnd = createRandom(20_260_402);
  const people = await repo.activePeople(tx, orgId);
  const next = await repo.promotions(tx, orgId);
  const levels = await repo.currentLevels(tx, orgId);
  const courses = await repo.coursesWithSkills(tx, orgId);
  const enrolments = await repo.courseEnrollments(tx, orgId);

  const levelOf = new Map(levels.map((l) => [`${l.personId}:${l.skillId}`, l]));
  const levelsByPerson = new Map<string, repo.SeedLevel[]>();
  for (const l of levels) levelsByPerson.set(l.personId, [...(levelsByPerson.get(l.personId) ?? []), l]);
  const coursesBySkill = new Map<string, repo.SeedCourse[]>();
  for (const c of courses) for (const s of c.skills) coursesBySkill.set(s.skillId, [...(coursesBySkill.get(s.skillId) ?? []), c]);
  const enrolled = new Map(enrolments.map((e) => [`${e.personId}:${e.courseId}`, e]));
  const at = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY).toISOString();

  // Aspirations.
  const aspirations: repo.NewAspiration[] = [];
  const aspirationOf = new Map<string, string>();
  const demo = new Map(org.people.filter((p) => p.demoRole).map((p) => [p.demoRole!, p.id]));
  const employeeId = demo.get('employee');
  const managerId = demo.get('manager');
  for (const p of people) {
    if (p.id !== employeeId && !rnd.chance(0.3)) continue;
    const target = p.jobProfileId ? next.get(p.jobProfileId) : undefined;
    const useTarget = target && (p.id === employeeId || rnd.chance(0.75));
    const id = uuidv7();
    aspirations.push({
      id,
      personId: p.id,
      targetProfileId: useTarget ? target : null,
      description: useTarget ? (rnd.chance(0.3) ? 'Ready for more scope after this year’s projects' : null) : rnd.pick(ownWords),
      timeFrame: rnd.pick(['within_6_months', 'within_1_year', 'within_1_year', 'within_2_years', 'later']),
      willingToChangeTeam: rnd.chance(0.4),
      willingToRelocate: rnd.chance(0.15),
      interests: [...new Set(Array.from({ length: rnd.int(0, 3) }, () => rnd.pick(interestPool)))],
      at: at(rnd.int(10, 200)),
    });
    aspirationOf.set(p.id, id);
  }
  await repo.insertAspirations(tx, orgId, aspirations);

  // Plans: the demo employee, the demo manager's team, and about 12% of everyone else.
  const team = new Set(people.filter((p) => managerId && p.managerId === managerId).map((p) => p.id));
  const planned = people.filter((p) => p.id === employeeId || team.has(p.id) || rnd.chance(0.12));
  const items: repo.NewPlanItem[] = [];
  const newEnrolments: repo.NewEnrollment[] = [];
  for (const p of planned) {
    const featured = p.id === employeeId || team.has(p.id);
    const gaps = (levelsByPerson.get(p.id) ?? []).filter((l) => l.expected != null && l.level < l.expected);
    // Gaps first, then the other assessed skills; within each, skills a course teaches first.
    const all = levelsByPerson.get(p.id) ?? [];
    const hasCourse = (l: repo.SeedLevel) => (coursesBySkill.has(l.skillId) ? 0 : 1);
    const skills = [...gaps.sort((a, b) => hasCourse(a) - hasCourse(b)), ...all.filter((l) => !gaps.includes(l)).sort((a, b) => hasCourse(a) - hasCourse(b))];
    const states: State[] = p.id === employeeId ? everyState : Array.from({ length: rnd.int(featured ? 2 : 1, 4) }, () => rnd.pick(everyState));
    states.forEach((state, n) => {
      let l = skills.length ? skills[n % skills.length]! : undefined;
      let course = l ? (coursesBySkill.get(l.skillId) ?? [])[n % Math.max(1, (coursesBySkill.get(l.skillId) ?? []).length)] : undefined;
      // The demo employee's open items are courses even when no course teaches their assessed skills.
      if (!course && p.id === employeeId && ['in_progress', 'planned', 'pending'].includes(state) && courses.length) {
        const free = courses.filter((c) => enrolled.get(`${p.id}:${c.id}`)?.status !== 'completed');
        course = free.length ? free[(n * 7) % free.length]! : courses[(n * 7) % courses.length]!;
        const sid = course.skills[0]!.skillId;
        l = levelOf.get(`${p.id}:${sid}`) ?? { personId: p.id, skillId: sid, skillName: '', level: 0, basisAssessmentId: null, expected: course.skills[0]!.level };
      }
      const existing = course ? enrolled.get(`${p.id}:${course.id}`) : undefined;
      // Done and dropped items are the non-course kinds (a finished course item needs a completion the learning seed owns).
      const isCourse = !!course && state !== 'done' && state !== 'dropped' && (!existing || existing.status !== 'completed');
      const own = p.id === employeeId ? n % 2 === 0 : rnd.chance(0.5);
      const createdBy = state === 'pending' || state === 'declined' || own || !p.managerId ? p.id : p.managerId;
      const created = rnd.int(5, 120);
      const due = state === 'done' || state === 'dropped' ? null : day(new Date(today.getTime() + rnd.int(14, 150) * DAY));
      const id = uuidv7();
      const kind = isCourse ? 'course' : rnd.pick(['mentoring', 'project', 'stretch_assignment'] as const);
      const titleOf = { mentoring: 'Monthly mentoring on', project: 'Own a project using', stretch_assignment: 'Stretch assignment:' } as const;
      let enrollmentId: string | null = null;
      if (isCourse && state !== 'pending' && state !== 'declined') {
        if (existing) enrollmentId = existing.id;
        else {
          enrollmentId = uuidv7();
          const baseline: Record<string, number | null> = {};
          for (const sid of [l!.skillId, ...course!.skills.map((s) => s.skillId)]) baseline[sid] = round(levelOf.get(`${p.id}:${sid}`)?.level);
          const assigned = createdBy !== p.id;
          newEnrolments.push({
            id: enrollmentId,
            personId: p.id,
            courseId: course!.id,
            versionId: state === 'in_progress' ? course!.versionId : null,
            reasonType: 'skill_gap',
            reasonRecordId: id,
            reasonNote: course!.title,
            source: assigned ? 'assigned' : 'self',
            assignedBy: assigned ? createdBy : null,
            status: state === 'in_progress' ? 'in_progress' : 'not_started',
            progress: state === 'in_progress' ? rnd.int(10, 70) : 0,
            dueAt: due ? `${due}T23:59:59.999Z` : null,
            startedAt: state === 'in_progress' ? at(rnd.int(1, Math.max(1, created - 1))) : null,
            baselineLevels: baseline,
            at: at(created),
          });
          enrolled.set(`${p.id}:${course!.id}`, { id: enrollmentId, personId: p.id, courseId: course!.id, status: 'not_started' });
        }
      }
      const approver = p.managerId;
      items.push({
        id,
        personId: p.id,
        title: isCourse ? course!.title : l ? `${titleOf[kind as keyof typeof titleOf]} ${l.skillName.toLowerCase() || 'a core skill'}` : 'Shadow a senior colleague for a week',
        description: state === 'declined' ? 'Not this quarter: budget is committed; try again next half.' : null,
        actionType: kind,
        skillId: l?.skillId ?? null,
        targetLevel: l ? Math.max(1, Math.round(l.expected ?? Math.min(5, Math.ceil(l.level) + 1))) : null,
        aspirationId: aspirationOf.get(p.id) && rnd.chance(0.5) ? aspirationOf.get(p.id)! : null,
        gapAssessmentId: l?.basisAssessmentId ?? null,
        courseId: isCourse ? course!.id : null,
        enrollmentId,
        dueDate: due,
        status: state === 'pending' || state === 'declined' ? 'planned' : state,
        approvalStatus: state === 'pending' ? 'pending' : state === 'declined' ? 'declined' : own && approver && rnd.chance(0.3) ? 'approved' : 'not_needed',
        approvedBy: null,
        approvedAt: null,
        createdBy,
        at: at(created),
      });
      const it = items[items.length - 1]!;
      if ((it.approvalStatus === 'approved' || it.approvalStatus === 'declined') && approver) {
        it.approvedBy = approver;
        it.approvedAt = at(Math.max(0, created - 2));
      } else if (it.approvalStatus === 'approved') it.approvalStatus = 'not_needed';
    });
  }
  await repo.insertEnrollments(tx, orgId, newEnrolments);
  await repo.insertPlanItems(tx, orgId, items);
}

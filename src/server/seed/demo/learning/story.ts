import { uuidv7 } from 'uuidv7';
import type { ReasonType } from '../../../db/schema/index.ts';
import { addMonths } from '../../../modules/learning/index.ts';
import type { DemoLearningRows } from '../../seed.repo.ts';
import type { DemoOrg, DemoPerson } from '../people.ts';
import { createRandom, type Random } from '../random.ts';
import { buildCatalog, CATALOG_AGE_DAYS } from './catalog-rows.ts';
import { createLedger, DAY, type CourseInfo, type State, type Who, type Why } from './ledger.ts';
import { liveSessions } from './sessions.ts';
import { dayMonth } from './time.ts';

export type DemoLearningInput = { orgId: string; org: DemoOrg; groups: Array<{ id: string; name: string }> };

const buddyNotes = [
  'Had coffee with my buddy from Finance. 1) Decisions really do live in documents: ask for the doc, not the meeting. 2) The Monday kick-off recording is the fastest way to catch up. 3) #ask-people answers within the hour. Still wondering: how are quarterly goals agreed across teams?',
  'Video call with my buddy in Customer Success. Learned that every role sits in on customer calls, that Wednesday mornings are really meeting-free, and who to ask about expenses. Question: how do I get access to the analytics warehouse?',
  'Lunch with my buddy in London. Three things: the release train leaves every Tuesday; the team wiki is more up to date than the intranet; people are happy to be asked “why”. Open question: what makes a good first quarterly goal?',
];
const approvals = ['Great notes, glad you two hit it off.', 'Thanks, good questions. Let’s pick up the last one in our 1:1.', 'Approved. Keep meeting every few weeks!'];

/**
 * Who learns what at Acme, and how far they got: compliance for everyone, onboarding for new
 * joiners (through a newcomer assignment), paths for new managers and analysts, live workshops,
 * and course enrolments by department with their reasons. The demo accounts get a fixed story.
 */
export function buildDemoLearning(input: DemoLearningInput, today: Date): DemoLearningRows {
  const { orgId, org } = input;
  const rnd = createRandom(20_261_123);
  const ago = (days: number) => new Date(today.getTime() - days * DAY);
  const inDays = (days: number) => new Date(today.getTime() + days * DAY);
  const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
  const latest = (...ds: Date[]) => new Date(Math.max(...ds.map((d) => d.getTime())));
  const earliest = (...ds: Date[]) => new Date(Math.min(...ds.map((d) => d.getTime())));
  const role = (r: string) => org.people.find((p) => p.demoRole === r)!;
  const learningAdmin = role('learning');
  const manager = role('manager');
  const employee = role('employee');
  const who = (p: DemoPerson): Who => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, managerId: p.managerId });
  const hired = (p: DemoPerson) => new Date(`${p.hireDate}T09:00:00Z`);
  const tenure = (p: DemoPerson) => Math.floor((today.getTime() - hired(p).getTime()) / DAY);
  const topLevel = new Map(org.departments.map((d) => [d.id, d.topLevel]));
  const deptOf = (p: DemoPerson) => (p.departmentId ? topLevel.get(p.departmentId) : undefined);

  const catalog = buildCatalog(orgId, today, learningAdmin.id);
  const C = (key: string) => catalog.courseInfo.get(key)!;
  const P = (key: string) => catalog.programInfo.get(key)!;
  const ledger = createLedger(orgId, today, rnd);

  // ---- compliance: annual security awareness for everyone -----------------------------------
  const ruleId = uuidv7();
  const ruleCreated = ago(CATALOG_AGE_DAYS - 20);
  const rules: DemoLearningRows['rules'] = [
    {
      id: ruleId,
      orgId,
      name: 'Annual security awareness',
      courseId: C('sec').id,
      audienceType: 'everyone',
      validForMonths: 12,
      reenrollDaysBefore: 30,
      dueDays: 30,
      escalateAfterDays: 7,
      active: true,
      createdBy: learningAdmin.id,
      createdAt: ruleCreated,
      updatedAt: ruleCreated,
    },
  ];
  const sec = C('sec');
  const ruleWhy = (enrolledAt: Date, dueAt: Date): Why => ({
    reason: 'compliance',
    reasonRecordType: 'compliance_rule',
    reasonRecordId: ruleId,
    source: 'rule',
    complianceRuleId: ruleId,
    enrolledAt,
    dueAt,
  });
  const firstEnrolment = (p: DemoPerson) => latest(hired(p), ruleCreated);
  const openState = (enrolledAt: Date, failed = 0.1): State => {
    const r = rnd.next();
    const since = Math.max(1, Math.floor((today.getTime() - enrolledAt.getTime()) / DAY));
    if (r < 0.5) return { status: 'not_started' };
    if (r < 1 - failed || since < 3) return { status: 'in_progress', startedAt: plus(enrolledAt, rnd.int(0, since - 1)), share: 0.3 + rnd.next() * 0.4 };
    return { status: 'failed', startedAt: plus(enrolledAt, 1), failedAt: plus(enrolledAt, rnd.int(2, since - 1)) };
  };

  /** Valid completion `days` ago; with tenure, the previous year's completion (now expired) too. */
  const compliant = (p: DemoPerson, days: number) => {
    const done = ago(days);
    const oldExpiry = plus(done, rnd.int(-3, 25));
    const oldDone = addMonths(oldExpiry, -12);
    if (oldDone > plus(firstEnrolment(p), 5)) {
      const enrolled = latest(firstEnrolment(p), plus(oldDone, -rnd.int(5, 20)));
      ledger.course(sec, who(p), ruleWhy(enrolled, plus(enrolled, 30)), { status: 'expired', completedAt: oldDone, expiresAt: oldExpiry });
      ledger.course(sec, who(p), ruleWhy(plus(oldExpiry, -30), oldExpiry), { status: 'completed', completedAt: done, expiresAt: addMonths(done, 12) });
    } else {
      const enrolled = earliest(firstEnrolment(p), plus(done, -2));
      ledger.course(sec, who(p), ruleWhy(enrolled, plus(enrolled, 30)), { status: 'completed', completedAt: done, expiresAt: addMonths(done, 12) });
    }
  };
  /** Completed last year, the completion ran out, re-enrolled and not done yet: overdue. */
  const expiredAndReenrolled = (p: DemoPerson, days: number, state?: State) => {
    const oldDone = ago(days);
    const expiry = addMonths(oldDone, 12);
    const enrolled = latest(firstEnrolment(p), plus(oldDone, -rnd.int(5, 20)));
    ledger.course(sec, who(p), ruleWhy(enrolled, plus(enrolled, 30)), { status: 'expired', completedAt: oldDone, expiresAt: expiry });
    const again = plus(expiry, -30);
    ledger.course(sec, who(p), ruleWhy(again, expiry), state ?? openState(again));
  };

  // ---- the demo accounts' fixed story ---------------------------------------------------------
  const byManager = (p: DemoPerson): Partial<Why> => ({ source: 'assigned', assignedBy: p.managerId });
  const E = who(employee);
  expiredAndReenrolled(employee, 371, { status: 'not_started' });
  ledger.course(C('sql'), E, { reason: 'goal', reasonNote: 'Supports your goal: ship the usage analytics dashboard', ...byManager(employee), source: 'assigned', enrolledAt: ago(10), dueAt: inDays(20) }, { status: 'not_started' });
  ledger.course(
    C('fb'),
    E,
    { reason: 'one_on_one', reasonNote: `Agreed in our 1:1 on ${dayMonth(ago(21))}: practise feedback before mentoring the new joiners`, ...byManager(employee), source: 'assigned', enrolledAt: ago(21), dueAt: inDays(24) },
    { status: 'in_progress', startedAt: ago(15), share: 0.5 },
  );
  ledger.course(C('data'), E, { reason: 'skill_gap', reasonNote: 'Reading product analytics without help', ...byManager(employee), source: 'assigned', enrolledAt: ago(130), dueAt: ago(85) }, { status: 'completed', startedAt: ago(120), completedAt: ago(96), reaction: true });
  ledger.course(C('time'), E, { reason: 'self', source: 'self', enrolledAt: ago(170) }, { status: 'completed', startedAt: ago(169), completedAt: ago(160), reaction: true });

  const M = who(manager);
  compliant(manager, 80);
  ledger.course(C('oneonone'), M, { reason: 'review', reasonNote: 'From your mid-year review: more structured 1:1s', ...byManager(manager), source: 'assigned', enrolledAt: ago(330), dueAt: ago(290) }, { status: 'completed', completedAt: ago(300), reaction: true });
  ledger.course(C('fb'), M, { reason: 'self', source: 'self', enrolledAt: ago(215) }, { status: 'completed', completedAt: ago(200) });
  ledger.course(C('proj'), M, { reason: 'goal', reasonNote: 'Supports your goal: plan the checkout rewrite', source: 'self', enrolledAt: ago(25) }, { status: 'in_progress', startedAt: ago(20), share: 0.4 });

  const reports = org.people.filter((p) => p.managerId === manager.id && p.id !== employee.id);
  const longServing = reports.find((p) => tenure(p) > 420);
  // A report still on version 1 of the security course, started before version 2 came out, now overdue.
  if (longServing) expiredAndReenrolled(longServing, 395, { status: 'in_progress', startedAt: ago(55), share: 0.5 });
  // A new joiner whose buddy checkpoint waits for the manager's approval.
  const awaiting = reports.filter((p) => tenure(p) >= 20 && tenure(p) <= 120).sort((a, b) => tenure(a) - tenure(b))[0];

  const fixed = new Set([employee.id, manager.id, longServing?.id]);
  for (const p of org.people) {
    if (fixed.has(p.id)) continue;
    const t = tenure(p);
    if (t < 30) {
      const r = rnd.next();
      const state: State =
        r < 0.55 || t < 4
          ? { status: 'not_started' }
          : r < 0.85
            ? { status: 'in_progress', startedAt: plus(hired(p), rnd.int(1, t - 1)), share: 0.5 }
            : { status: 'completed', completedAt: plus(hired(p), rnd.int(2, t - 1)) };
      ledger.course(sec, who(p), ruleWhy(hired(p), plus(hired(p), 30)), state);
      continue;
    }
    const r = rnd.next();
    const maxAgo = Math.min(330, t - 3);
    const overdue = r >= 0.88 && r < 0.96;
    if (maxAgo >= 30 && !overdue && (r < 0.78 || r >= 0.96 || t <= 370)) compliant(p, rnd.int(30, maxAgo));
    else if (!overdue && t > 370) {
      // Expiring within 30 days: already re-enrolled, due when the completion runs out.
      const days = rnd.int(336, 362);
      compliant(p, days);
      const expiry = addMonths(ago(days), 12);
      const again = plus(expiry, -30);
      ledger.course(sec, who(p), ruleWhy(again, expiry), rnd.chance(0.7) ? { status: 'not_started' } : { status: 'in_progress', startedAt: earliest(ago(1), plus(again, 2)), share: 0.4 });
    } else if (t > 420) expiredAndReenrolled(p, rnd.int(370, 400));
    else {
      // Never completed since joining: overdue.
      const enrolled = firstEnrolment(p);
      ledger.course(sec, who(p), ruleWhy(enrolled, plus(enrolled, 30)), openState(enrolled, 0.2));
    }
  }

  // ---- onboarding: a newcomer assignment to the "New joiners" smart group -------------------
  const newJoiners = input.groups.find((g) => g.name.startsWith('New joiners'));
  const assignments: DemoLearningRows['assignments'] = [];
  const onboarding = P('onboarding');
  const assignmentCreated = ago(360);
  const yearAgo = ago(365).toISOString().slice(0, 10);
  if (newJoiners) {
    const assignmentId = uuidv7();
    assignments.push({
      id: assignmentId,
      orgId,
      programId: onboarding.id,
      targetType: 'group',
      targetId: newJoiners.id,
      reasonType: 'onboarding',
      dueDays: 30,
      enrollNewcomers: true,
      createdBy: learningAdmin.id,
      createdAt: assignmentCreated,
    });
    for (const p of org.people.filter((x) => x.hireDate > yearAgo)) {
      const t = tenure(p);
      const h = hired(p);
      const enrolled = latest(h, assignmentCreated);
      const why: Why = { reason: 'onboarding', source: 'assigned', assignedBy: learningAdmin.id, assignmentId, enrolledAt: enrolled, dueAt: plus(enrolled, 30) };
      const text = rnd.pick(buddyNotes);
      const onb = (days: number): State => ({ status: 'completed', completedAt: earliest(ago(1), plus(h, days)) });
      if (p.id === awaiting?.id) {
        ledger.program(onboarding, catalog.courseInfo, who(p), why, [
          { step: 'course', state: onb(rnd.int(2, 6)) },
          { step: 'checkpoint', status: 'submitted', at: ago(2), text },
          { step: 'course', state: { status: 'in_progress', startedAt: ago(6), share: 0.5 } },
        ]);
      } else if (t > 60) {
        const stuck = rnd.chance(0.12);
        ledger.program(onboarding, catalog.courseInfo, who(p), why, [
          { step: 'course', state: onb(rnd.int(2, 8)) },
          stuck ? { step: 'checkpoint', status: 'none' } : { step: 'checkpoint', status: 'approved', at: plus(h, rnd.int(6, 14)), text, comment: rnd.pick(approvals) },
          { step: 'course', state: stuck ? { status: 'not_started' } : onb(rnd.int(15, 28)) },
        ]);
      } else if (t > 14) {
        const r = rnd.next();
        ledger.program(onboarding, catalog.courseInfo, who(p), why, [
          { step: 'course', state: onb(rnd.int(2, 8)) },
          r < 0.4
            ? { step: 'checkpoint', status: 'approved', at: plus(h, rnd.int(6, 12)), text, comment: rnd.pick(approvals) }
            : r < 0.75
              ? { step: 'checkpoint', status: 'submitted', at: plus(h, rnd.int(9, 13)), text }
              : { step: 'checkpoint', status: 'none' },
          { step: 'course', state: rnd.chance(0.5) ? { status: 'in_progress', startedAt: plus(h, rnd.int(9, t - 1)), share: 0.5 } : { status: 'not_started' } },
        ]);
      } else {
        ledger.program(onboarding, catalog.courseInfo, who(p), why, [
          { step: 'course', state: t > 2 && rnd.chance(0.6) ? { status: 'in_progress', startedAt: plus(h, 1), share: 0.5 } : { status: 'not_started' } },
          { step: 'checkpoint', status: 'none' },
          { step: 'course', state: { status: 'not_started' } },
        ]);
      }
    }
  }

  // ---- New manager essentials: newly promoted managers, and seniors who aspire to lead -------
  const essentials = P('new-managers');
  const managers = shuffle(rnd, org.people.filter((p) => p.level === 3 && !p.demoRole));
  managers.slice(0, 7).forEach((p, i) => {
    const enrolled = i < 3 ? ago(rnd.int(160, 300)) : i < 6 ? ago(rnd.int(20, 60)) : ago(70);
    const why: Why = { reason: 'skill_gap', reasonNote: 'Newly leading the team', source: 'assigned', assignedBy: p.managerId, enrolledAt: enrolled, dueAt: plus(enrolled, 90) };
    const at = (days: number) => earliest(ago(1), plus(enrolled, days));
    const done = (days: number): State => ({ status: 'completed', completedAt: at(days) });
    ledger.program(essentials, catalog.courseInfo, who(p), why, [
      { step: 'course', state: done(rnd.int(6, 15)) },
      { step: 'course', state: i < 3 || i === 6 ? done(rnd.int(20, 35)) : { status: 'in_progress', startedAt: at(16), share: 0.5 } },
      i < 3
        ? { step: 'checkpoint', status: 'approved', at: at(rnd.int(40, 50)), text: 'Held first 1:1s with all six reports; expectations notes are in our team folder.', comment: 'Well done: the notes are clear and specific.' }
        : i === 6
          ? { step: 'checkpoint', status: 'submitted', at: ago(3), text: 'First 1:1s done with everyone. Expectations note for one report: https://docs.acme.example/team/expectations' }
          : { step: 'checkpoint', status: 'none' },
      { step: 'course', state: i < 3 ? done(rnd.int(55, 80)) : { status: 'not_started' } },
    ]);
  });
  const seniors = shuffle(rnd, org.people.filter((p) => p.level === 4 && !p.demoRole && /^(Senior|Staff)\b/.test(p.jobTitle) && tenure(p) > 400));
  for (const p of seniors.slice(0, 4)) {
    const enrolled = ago(rnd.int(15, 120));
    ledger.program(essentials, catalog.courseInfo, who(p), { reason: 'aspiration', reasonNote: 'Towards a team lead role', source: 'self', enrolledAt: enrolled, dueAt: plus(enrolled, 90) }, [
      { step: 'course', state: rnd.chance(0.5) ? { status: 'completed', completedAt: earliest(ago(1), plus(enrolled, rnd.int(5, 14))) } : { status: 'in_progress', startedAt: plus(enrolled, 1), share: 0.5 } },
      { step: 'course', state: { status: 'not_started' } },
      { step: 'checkpoint', status: 'none' },
      { step: 'course', state: { status: 'not_started' } },
    ]);
  }

  // ---- Data driven decisions: analysts who want to answer their own questions ----------------
  const dataPath = P('data-driven');
  const analysts = shuffle(rnd, org.people.filter((p) => !p.demoRole && tenure(p) > 120 && /Analyst|Data Scientist|Operations Specialist|Research/.test(p.jobTitle)));
  analysts.slice(0, 10).forEach((p, i) => {
    const enrolled = i < 3 ? ago(rnd.int(120, 200)) : i < 7 ? ago(rnd.int(25, 70)) : ago(rnd.int(5, 80));
    const at = (days: number) => earliest(ago(1), plus(enrolled, days));
    const why: Why = { reason: 'goal', reasonNote: 'Supports your goal: build the quarterly report yourself', source: 'assigned', assignedBy: p.managerId, enrolledAt: enrolled, dueAt: plus(enrolled, 60) };
    const done = (days: number): State => ({ status: 'completed', completedAt: at(days) });
    ledger.program(dataPath, catalog.courseInfo, who(p), why, [
      { step: 'course', state: i < 7 ? done(rnd.int(5, 15)) : { status: 'not_started' } },
      { step: 'course', state: i < 3 ? done(rnd.int(16, 30)) : i < 7 ? { status: 'in_progress', startedAt: at(16), share: 0.5 } : { status: 'not_started' } },
      { step: 'course', state: i < 3 ? done(rnd.int(35, 55)) : { status: 'not_started' } },
    ]);
  });

  // ---- live workshops ---------------------------------------------------------------------------
  const { sessions, registrations } = liveSessions({ orgId, org, today, rnd, ledger, courses: catalog.courseInfo, who, manager });

  // ---- course enrolments by department, each with its reason -----------------------------------
  type Offer = [course: string, chance: number, reason: ReasonType, note?: string];
  const offers: Record<string, Offer[]> = {
    Sales: [['neg', 0.75, 'skill_gap', 'Discount levels above target in the last two quarters'], ['cust', 0.25, 'skill_gap'], ['pres', 0.2, 'aspiration']],
    'Customer Success': [['cust', 0.7, 'hurdle', 'Escalations from enterprise accounts'], ['neg', 0.3, 'goal', 'Supports your goal: grow renewals'], ['time', 0.2, 'hurdle']],
    Marketing: [['pres', 0.5, 'aspiration'], ['data', 0.4, 'goal', 'Supports your goal: campaign reporting'], ['proj', 0.3, 'goal']],
    Engineering: [['data', 0.25, 'self'], ['proj', 0.2, 'goal'], ['fb', 0.15, 'review'], ['craft', 0.15, 'skill_gap'], ['sysdesign', 0.1, 'aspiration']],
    'People & Culture': [['fb', 0.5, 'review'], ['oneonone', 0.3, 'one_on_one'], ['pres', 0.3, 'aspiration']],
    'Finance & Operations': [['data', 0.4, 'skill_gap'], ['sql', 0.2, 'goal'], ['proj', 0.3, 'goal']],
  };
  const everyone: Offer[] = [['time', 0.2, 'self'], ['fb', 0.1, 'self']];
  const leaders: Offer[] = [['fb', 0.5, 'review', 'From your review: give corrective feedback sooner'], ['oneonone', 0.45, 'one_on_one'], ['lead', 0.3, 'skill_gap'], ['neg', 0.1, 'goal']];
  for (const p of org.people) {
    if (p.id === employee.id || p.id === manager.id || tenure(p) < 10) continue;
    const list = [...(offers[deptOf(p) ?? ''] ?? []), ...everyone, ...(p.level <= 3 ? leaders : [])];
    if (/Data|Analytics/.test(p.jobTitle)) list.push(['sql', 0.6, 'goal']);
    for (const [key, chance, reason, note] of list) {
      if (!rnd.chance(chance) || ledger.has(p.id, C(key).id)) continue;
      const enrolled = latest(plus(hired(p), 7), ago(rnd.int(3, 420)));
      const self = reason === 'self' || reason === 'aspiration';
      const assigned = self ? null : rnd.chance(0.8) ? p.managerId : learningAdmin.id;
      const why: Why = {
        reason,
        reasonNote: note ?? (reason === 'one_on_one' ? `Agreed in our 1:1 on ${dayMonth(enrolled)}` : null),
        source: self ? 'self' : 'assigned',
        assignedBy: assigned,
        enrolledAt: enrolled,
        dueAt: self ? null : plus(enrolled, rnd.pick([30, 45, 60])),
      };
      ledger.course(C(key), who(p), why, randomState(rnd, C(key), enrolled, today));
    }
  }

  ledger.remindersSent();
  return {
    ...catalog,
    rules,
    assignments,
    ...ledger.rows,
    sessions,
    registrations,
    externalLearning: externalLearning(orgId, org, employee, today, rnd),
  };
}

function shuffle<T>(rnd: Random, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** How far someone enrolled `enrolled` got: most finish, some are still going, a few failed. */
function randomState(rnd: Random, c: CourseInfo, enrolled: Date, today: Date): State {
  const since = Math.floor((today.getTime() - enrolled.getTime()) / DAY);
  const day = (n: number) => new Date(enrolled.getTime() + n * DAY);
  if (since < 14) return rnd.chance(0.5) ? { status: 'not_started' } : { status: 'in_progress', startedAt: day(rnd.int(0, since - 1)), share: 0.4 };
  // The longer ago, the likelier it is done.
  const r = since > 120 ? rnd.next() * 0.78 + (rnd.chance(0.85) ? 0 : 0.22) : rnd.next();
  const limited = c.versions[0]!.content.sections.some((s) => s.lessons.some((l) => l.blocks.some((b) => b.type === 'quiz' && b.quiz.attemptsAllowed != null)));
  if (r < 0.62 || c.format === 'live') {
    const finish = rnd.int(2, Math.min(since - 1, 40));
    return { status: 'completed', startedAt: day(rnd.int(0, Math.floor(finish / 2))), completedAt: day(finish) };
  }
  if (r < 0.8 || (r >= 0.93 && !limited)) {
    return { status: 'in_progress', startedAt: day(rnd.int(0, 10)), share: 0.2 + rnd.next() * 0.6, failedOnce: rnd.chance(0.2) };
  }
  if (r < 0.93) return { status: 'not_started' };
  return { status: 'failed', startedAt: day(1), failedAt: day(rnd.int(3, Math.min(since - 1, 30))) };
}

const externalPool = [
  { title: 'AWS Certified Cloud Practitioner', provider: 'Amazon Web Services', kind: 'certification', minutes: 900, url: 'https://aws.amazon.com/certification/certified-cloud-practitioner/' },
  { title: 'Designing Data-Intensive Applications', provider: 'O’Reilly (book by Martin Kleppmann)', kind: 'book', minutes: 1200, url: null },
  { title: 'React Summit', provider: 'GitNation', kind: 'conference', minutes: 960, url: 'https://reactsummit.com/' },
  { title: 'Crucial Conversations', provider: 'Crucial Learning', kind: 'course', minutes: 480, url: null },
  { title: 'Google Analytics Certification', provider: 'Google', kind: 'certification', minutes: 360, url: 'https://skillshop.withgoogle.com/' },
  { title: 'Never Split the Difference', provider: 'Chris Voss (book)', kind: 'book', minutes: 600, url: null },
  { title: 'SaaStr Annual', provider: 'SaaStr', kind: 'conference', minutes: 1440, url: 'https://www.saastrannual.com/' },
  { title: 'Certified Scrum Master', provider: 'Scrum Alliance', kind: 'certification', minutes: 960, url: 'https://www.scrumalliance.org/' },
] as const;

function externalLearning(orgId: string, org: DemoOrg, employee: DemoPerson, today: Date, rnd: Random): DemoLearningRows['externalLearning'] {
  const date = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  const row = (p: DemoPerson, e: (typeof externalPool)[number], daysAgo: number, notes: string | null = null) => ({
    id: uuidv7(),
    orgId,
    personId: p.id,
    title: e.title,
    provider: e.provider,
    kind: e.kind,
    completedOn: date(daysAgo),
    durationMinutes: e.minutes,
    evidenceUrl: e.url,
    notes,
    recordedBy: p.id,
    createdAt: new Date(today.getTime() - (daysAgo - 1) * DAY),
  });
  const out = [
    row(employee, externalPool[0], 210, 'Passed with 87%. Paid for by the learning budget.'),
    row(employee, externalPool[1], 120, 'Read with the platform reading group; chapters 5–9 most relevant to our sync service.'),
    row(employee, externalPool[2], 45),
  ];
  const others = org.people.filter((p) => !p.demoRole && p.level >= 3);
  for (let i = 0; i < 20; i++) out.push(row(rnd.pick(others), rnd.pick(externalPool), rnd.int(20, 600)));
  return out;
}

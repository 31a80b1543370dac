import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type {
  AttemptQuestion,
  certificate,
  checkpointSubmission,
  CourseContent,
  courseReaction,
  CourseFormat,
  enrollment,
  learningReminder,
  lessonProgress,
  Quiz,
  quizAttempt,
  ReasonType,
} from '../../../db/schema/index.ts';
import { isOpenEnrollment } from '../../../db/schema/index.ts';
import { gradeAttempt, type Answers } from '../../../modules/learning/index.ts';
import type { Random } from '../random.ts';

/**
 * Builds the rows of the demo's enrolments in memory, consistent with what the player, quiz,
 * checkpoint and compliance code would have written: lesson progress, graded quiz attempts,
 * certificates, reactions and the reminders already sent. Inserted in bulk afterwards.
 */

export const DAY = 86_400_000;

export type CourseInfo = {
  id: string;
  key: string;
  title: string;
  format: CourseFormat;
  estimatedMinutes: number;
  comments: string[];
  /** Published versions, oldest first. */
  versions: Array<{ id: string; publishedAt: Date; content: CourseContent }>;
};

export type StepInfo = { id: string; kind: 'course' | 'checkpoint'; courseKey?: string; title?: string };
export type ProgramInfo = { id: string; key: string; title: string; steps: StepInfo[] };

export type Who = { id: string; name: string; managerId: string | null };

export type Why = {
  reason: ReasonType;
  reasonNote?: string | null;
  /** The record behind the reason, where there is one (the compliance rule, for instance). */
  reasonRecordType?: string | null;
  reasonRecordId?: string | null;
  source: 'assigned' | 'self' | 'rule' | 'recommendation';
  assignedBy?: string | null;
  assignmentId?: string | null;
  complianceRuleId?: string | null;
  enrolledAt: Date;
  dueAt?: Date | null;
};

export type State =
  | { status: 'not_started' }
  /** `share` of the lessons done; `failedOnce`: the current lesson's quiz was failed once. */
  | { status: 'in_progress'; startedAt: Date; share: number; failedOnce?: boolean }
  | { status: 'completed'; startedAt?: Date; completedAt: Date; expiresAt?: Date | null; reaction?: boolean }
  | { status: 'expired'; completedAt: Date; expiresAt: Date }
  | { status: 'failed'; startedAt: Date; failedAt: Date };

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export type Ledger = ReturnType<typeof createLedger>;

export function createLedger(orgId: string, today: Date, rnd: Random) {
  const rows = {
    enrollments: [] as Array<Insert<typeof enrollment>>,
    lessonProgress: [] as Array<Insert<typeof lessonProgress>>,
    attempts: [] as Array<Insert<typeof quizAttempt>>,
    certificates: [] as Array<Insert<typeof certificate>>,
    reactions: [] as Array<Insert<typeof courseReaction>>,
    submissions: [] as Array<Insert<typeof checkpointSubmission>>,
    reminders: [] as Array<Insert<typeof learningReminder>>,
  };
  /** person:course (or program) pairs with an open enrolment: the unique index allows one. */
  const open = new Set<string>();
  /** person:course pairs enrolled at all, so the story does not enrol someone twice by accident. */
  const seen = new Set<string>();
  const at = (from: Date, to: Date, f: number) => new Date(from.getTime() + (to.getTime() - from.getTime()) * f);
  const minDate = (a: Date, b: Date) => (a < b ? a : b);

  const has = (personId: string, targetId: string) => seen.has(`${personId}:${targetId}`);

  function certify(e: Insert<typeof enrollment>, who: Who, title: string, issuedAt: Date, expiresAt: Date | null) {
    rows.certificates.push({
      id: uuidv7(),
      orgId,
      enrollmentId: e.id!,
      personId: who.id,
      courseId: e.courseId ?? null,
      programId: e.programId ?? null,
      title,
      personName: who.name,
      issuedAt,
      expiresAt,
      verificationCode: randomBytes(12).toString('base64url'),
    });
  }

  /** One graded attempt whose pass or fail is decided by the story, with realistic item results. */
  function attempt(
    e: Insert<typeof enrollment>,
    c: CourseInfo,
    versionId: string,
    lessonId: string,
    quizId: string,
    quiz: Quiz,
    number: number,
    pass: boolean,
    startedAt: Date,
  ) {
    const drawn: AttemptQuestion[] = quiz.questions.map((q) => ({ questionId: q.id, optionOrder: q.options.map((o) => o.id) }));
    const ability = pass ? 0.75 + rnd.next() * 0.25 : 0.35 + rnd.next() * 0.3;
    const right = new Map(quiz.questions.map((q) => [q.id, rnd.next() < Math.min(0.98, ability * easiness(q.id))]));
    // Adjust the fewest answers needed so the outcome matches the story.
    const score = () => Math.round((100 * [...right.values()].filter(Boolean).length) / quiz.questions.length);
    for (const q of quiz.questions) {
      if (pass === score() >= quiz.passMark) break;
      if (right.get(q.id) !== pass) right.set(q.id, pass);
    }
    const answers: Answers = {};
    for (const q of quiz.questions) answers[q.id] = answer(q, right.get(q.id)!);
    const grade = gradeAttempt(quiz, drawn, answers);
    const submittedAt = new Date(startedAt.getTime() + rnd.int(4, 14) * 60_000);
    rows.attempts.push({
      id: uuidv7(),
      orgId,
      enrollmentId: e.id!,
      personId: e.personId!,
      courseId: c.id,
      versionId,
      lessonId,
      quizId,
      number,
      questions: drawn,
      startedAt,
      deadlineAt: quiz.timeLimitMinutes ? new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000) : null,
      submittedAt,
      answers: grade.answers,
      score: grade.score,
      passed: grade.passed,
      timedOut: false,
      items: grade.items,
    });
    return grade;
  }

  /** A course enrolment with everything its state implies; null when the person already has an open one. */
  function course(c: CourseInfo, who: Who, why: Why, state: State, parentEnrollmentId: string | null = null) {
    const key = `${who.id}:${c.id}`;
    if (isOpenEnrollment(state.status) && open.has(key)) return null;
    if (isOpenEnrollment(state.status)) open.add(key);
    seen.add(key);
    const startedAt = 'startedAt' in state ? (state.startedAt ?? null) : null;
    const completedAt = state.status === 'completed' || state.status === 'expired' ? state.completedAt : null;
    const begin =
      startedAt ?? (completedAt ? new Date(Math.max(why.enrolledAt.getTime(), completedAt.getTime() - rnd.int(1, 10) * DAY)) : null);
    const e: Insert<typeof enrollment> = {
      id: uuidv7(),
      orgId,
      personId: who.id,
      courseId: c.id,
      programId: null,
      parentEnrollmentId,
      reasonType: why.reason,
      reasonRecordType: why.reasonRecordType ?? null,
      reasonRecordId: why.reasonRecordId ?? null,
      reasonNote: why.reasonNote ?? null,
      source: why.source,
      assignedBy: why.assignedBy ?? null,
      assignmentId: why.assignmentId ?? null,
      complianceRuleId: why.complianceRuleId ?? null,
      status: state.status,
      dueAt: why.dueAt ?? null,
      startedAt: begin,
      completedAt,
      expiresAt: state.status === 'completed' ? (state.expiresAt ?? null) : state.status === 'expired' ? state.expiresAt : null,
      createdAt: why.enrolledAt,
      updatedAt: why.enrolledAt,
      progress: 0,
      timeSpentSeconds: 0,
    };
    rows.enrollments.push(e);
    if (!begin) return e;

    // The version in force when the learner started is the one they keep.
    const version = [...c.versions].reverse().find((v) => v.publishedAt <= begin) ?? c.versions[0]!;
    e.versionId = version.id;
    const end = completedAt ?? (state.status === 'failed' ? state.failedAt : minDate(today, at(begin, today, 0.3 + rnd.next() * 0.6)));
    if (c.format === 'live') {
      // Completed on attendance: no lessons to work through.
      Object.assign(e, { progress: 100, timeSpentSeconds: c.estimatedMinutes * 60, lastActivityAt: end, updatedAt: end });
    } else {
      walkLessons(e, c, version, state, begin, end);
    }
    if (completedAt) {
      certify(e, who, c.title, completedAt, e.expiresAt ?? null);
      if (state.status === 'completed' && (state.reaction ?? rnd.chance(0.7))) react(e, c, who, completedAt);
    }
    return e;
  }

  function walkLessons(e: Insert<typeof enrollment>, c: CourseInfo, version: CourseInfo['versions'][number], state: State, begin: Date, end: Date) {
    const lessons = version.content.sections.flatMap((s) => s.lessons);
    const n = lessons.length;
    const done =
      state.status === 'in_progress'
        ? Math.min(n - 1, Math.max(1, Math.round(state.share * n)))
        : state.status === 'failed'
          ? n - 1
          : n;
    const limit = state.status === 'in_progress' || state.status === 'failed' ? done + 1 : n;
    let spent = 0;
    const scores: number[] = [];
    let lastLessonId = lessons[0]?.id ?? null;
    for (let i = 0; i < Math.min(limit, n); i++) {
      const l = lessons[i]!;
      const when = at(begin, end, (i + 1) / Math.min(limit, n));
      const complete = i < done;
      const seconds = Math.round((l.estimatedMinutes ?? 10) * 60 * (complete ? 0.6 + rnd.next() * 0.9 : 0.2 + rnd.next() * 0.4));
      spent += seconds;
      lastLessonId = l.id;
      rows.lessonProgress.push({
        orgId,
        enrollmentId: e.id!,
        lessonId: l.id,
        completedAt: complete ? when : null,
        timeSpentSeconds: seconds,
        updatedAt: when,
      });
      for (const b of l.blocks) {
        if (b.type !== 'quiz') continue;
        const quiz = b.quiz;
        const quizStart = new Date(when.getTime() - 20 * 60_000);
        if (complete) {
          let number = 1;
          const retry = (quiz.attemptsAllowed == null || quiz.attemptsAllowed >= 2) && rnd.chance(0.22);
          if (retry) attempt(e, c, version.id, l.id, b.id, quiz, number++, false, new Date(quizStart.getTime() - DAY));
          scores.push(attempt(e, c, version.id, l.id, b.id, quiz, number, true, quizStart).score);
        } else if (state.status === 'failed') {
          // Failed means every allowed attempt was used without a pass.
          const tries = quiz.attemptsAllowed ?? 1;
          let best = 0;
          for (let k = 1; k <= tries; k++) {
            const started = new Date(quizStart.getTime() - (tries - k) * 3_600_000);
            best = Math.max(best, attempt(e, c, version.id, l.id, b.id, quiz, k, false, started).score);
          }
          scores.push(best);
        } else if (state.status === 'in_progress' && state.failedOnce) {
          attempt(e, c, version.id, l.id, b.id, quiz, 1, false, quizStart);
        }
      }
    }
    const progress = state.status === 'completed' || state.status === 'expired' ? 100 : Math.round((done / n) * 100);
    Object.assign(e, {
      progress,
      timeSpentSeconds: spent,
      lastLessonId,
      lastActivityAt: end,
      updatedAt: end,
      score: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
    });
  }

  function react(e: Insert<typeof enrollment>, c: CourseInfo, who: Who, completedAt: Date) {
    const score = () => rnd.weighted([[5, 40], [4, 38], [3, 15], [2, 5], [1, 2]] as const);
    rows.reactions.push({
      id: uuidv7(),
      orgId,
      enrollmentId: e.id!,
      courseId: c.id,
      personId: who.id,
      relevance: score(),
      confidence: score(),
      intentToApply: score(),
      comment: c.comments.length && rnd.chance(0.45) ? rnd.pick(c.comments) : null,
      createdAt: new Date(completedAt.getTime() + 5 * 60_000),
    });
  }

  /**
   * A program enrolment and its course steps (as `enroll()` makes them), with checkpoint
   * submissions; status and progress follow from the steps, as `refreshProgramProgress()` does.
   */
  function program(
    p: ProgramInfo,
    courses: Map<string, CourseInfo>,
    who: Who,
    why: Why,
    steps: Array<
      | { step: 'course'; state: State }
      | { step: 'checkpoint'; status: 'none' | 'submitted' | 'approved' | 'returned'; at?: Date; text?: string; comment?: string }
    >,
  ) {
    const key = `${who.id}:${p.id}`;
    if (open.has(key)) return null;
    const pe: Insert<typeof enrollment> = {
      id: uuidv7(),
      orgId,
      personId: who.id,
      courseId: null,
      programId: p.id,
      reasonType: why.reason,
      reasonRecordType: why.reasonRecordType ?? null,
      reasonRecordId: why.reasonRecordId ?? null,
      reasonNote: why.reasonNote ?? null,
      source: why.source,
      assignedBy: why.assignedBy ?? null,
      assignmentId: why.assignmentId ?? null,
      status: 'not_started',
      dueAt: why.dueAt ?? null,
      createdAt: why.enrolledAt,
      updatedAt: why.enrolledAt,
      progress: 0,
      timeSpentSeconds: 0,
    };
    rows.enrollments.push(pe);
    let done = 0;
    let started: Date | null = null;
    let finished: Date | null = null;
    for (const [i, s] of p.steps.entries()) {
      const plan = steps[i]!;
      if (s.kind === 'course' && plan.step === 'course') {
        const ce = course(courses.get(s.courseKey!)!, who, why, plan.state, pe.id!);
        if (!ce) continue;
        if (ce.startedAt && (!started || ce.startedAt < started)) started = ce.startedAt;
        if (ce.status === 'completed') {
          done++;
          if (!finished || ce.completedAt! > finished) finished = ce.completedAt!;
        }
      } else if (s.kind === 'checkpoint' && plan.step === 'checkpoint' && plan.status !== 'none') {
        const submittedAt = plan.at!;
        const reviewed = plan.status !== 'submitted';
        const reviewedAt = new Date(submittedAt.getTime() + rnd.int(4, 40) * 3_600_000);
        rows.submissions.push({
          id: uuidv7(),
          orgId,
          enrollmentId: pe.id!,
          stepId: s.id,
          personId: who.id,
          evidenceText: plan.text ?? null,
          status: plan.status,
          reviewerId: reviewed ? who.managerId : null,
          reviewComment: reviewed ? (plan.comment ?? null) : null,
          submittedAt,
          reviewedAt: reviewed ? reviewedAt : null,
        });
        if (!started || submittedAt < started) started = submittedAt;
        if (plan.status === 'approved') {
          done++;
          if (!finished || reviewedAt > finished) finished = reviewedAt;
        }
      }
    }
    open.add(key);
    pe.progress = Math.round((done / p.steps.length) * 100);
    pe.startedAt = started;
    if (done === p.steps.length && finished) {
      open.delete(key);
      Object.assign(pe, { status: 'completed', completedAt: finished, updatedAt: finished, lastActivityAt: finished });
      certify(pe, who, p.title, finished, null);
    } else if (started) {
      Object.assign(pe, { status: 'in_progress', updatedAt: started, lastActivityAt: started });
    }
    return pe;
  }

  /** The reminders the reminder job would already have sent for open enrolments past due. */
  function remindersSent() {
    for (const e of rows.enrollments) {
      if (!isOpenEnrollment(e.status!) || !e.dueAt || e.dueAt >= today) continue;
      const due = e.dueAt.getTime();
      const after = (d: number) => new Date(Math.max(due + d * DAY, e.createdAt!.getTime()));
      if (due - 3 * DAY > e.createdAt!.getTime()) rows.reminders.push({ orgId, enrollmentId: e.id!, kind: 'due_soon', sentAt: new Date(due - 3 * DAY) });
      rows.reminders.push({ orgId, enrollmentId: e.id!, kind: 'overdue', sentAt: after(0.1) });
      if (due + 7 * DAY < today.getTime()) rows.reminders.push({ orgId, enrollmentId: e.id!, kind: 'escalation', sentAt: after(7) });
    }
  }

  return { rows, course, program, has, remindersSent };
}

/** How easy a question is, fixed per question id, so item analysis shows easy and hard items. */
function easiness(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return 0.7 + ((h >>> 0) % 1000) / 3300;
}

/** The learner's answer to a question: the key when right, a plausible mistake when wrong. */
function answer(q: Quiz['questions'][number], right: boolean): string | string[] {
  const correct = q.options.filter((o) => o.correct).map((o) => o.id);
  const wrong = q.options.filter((o) => !o.correct).map((o) => o.id);
  switch (q.kind) {
    case 'short_answer':
      return right ? q.acceptedAnswers[0]! : 'not sure';
    case 'multiple':
      return right ? correct : wrong.length ? [...correct.slice(1), wrong[0]!] : correct.slice(1);
    default:
      return right ? correct[0]! : wrong[0]!;
  }
}

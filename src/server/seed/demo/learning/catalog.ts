import { customerConversations, negotiationBasics, presentingWithConfidence } from './courses/commercial.ts';
import { onboardingAtAcme, securityAwareness } from './courses/company.ts';
import { dataLiteracy, sqlForAnalysts } from './courses/data.ts';
import { maintainableCode, systemDesign } from './courses/engineering.ts';
import { projectPlanning, timeAndPriorities } from './courses/delivery.ts';
import { effectiveOneOnOnes, givingFeedback, leadershipForNewManagers } from './courses/leadership.ts';
import { negotiationWorkshop, presentingLive, sqlIntroExternal, writingClearDocuments } from './courses/live-and-external.ts';
import type { DemoCourse } from './types.ts';

/** Acme's course catalog, in the order the learning team wrote it. */
export const demoCourses: DemoCourse[] = [
  onboardingAtAcme,
  securityAwareness,
  leadershipForNewManagers,
  givingFeedback,
  effectiveOneOnOnes,
  negotiationBasics,
  customerConversations,
  presentingWithConfidence,
  dataLiteracy,
  sqlIntroExternal,
  sqlForAnalysts,
  projectPlanning,
  timeAndPriorities,
  negotiationWorkshop,
  presentingLive,
  writingClearDocuments,
  maintainableCode,
  systemDesign,
];

export type DemoStep =
  | { kind: 'course'; course: string }
  | { kind: 'checkpoint'; title: string; instructions: string; evidenceKinds: Array<'file' | 'text' | 'link'> };

export type DemoProgram = {
  key: string;
  title: string;
  summary: string;
  tags: string[];
  enforceOrder: boolean;
  dueDays: number;
  selfEnrollment: boolean;
  steps: DemoStep[];
};

export const demoPrograms: DemoProgram[] = [
  {
    key: 'onboarding',
    title: 'Your first 30 days at Acme',
    summary: 'Your first 30 days: how Acme works, meeting your buddy, and planning your time well from the start.',
    tags: ['onboarding', 'new joiners'],
    enforceOrder: false,
    dueDays: 30,
    selfEnrollment: false,
    steps: [
      { kind: 'course', course: 'onb' },
      {
        kind: 'checkpoint',
        title: 'Meet your buddy',
        instructions:
          'Have a 30-minute coffee (in person or on video) with your buddy in your first two weeks. Write three things you learned about how Acme works that were not in any document, and one question you still have.',
        evidenceKinds: ['text'],
      },
      { kind: 'course', course: 'time' },
    ],
  },
  {
    key: 'new-managers',
    title: 'New manager essentials',
    summary: 'The path for people leading a team for the first time: leadership basics, effective 1:1s, your first real 1:1s, and feedback.',
    tags: ['leadership', 'new managers'],
    enforceOrder: true,
    dueDays: 90,
    selfEnrollment: true,
    steps: [
      { kind: 'course', course: 'lead' },
      { kind: 'course', course: 'oneonone' },
      {
        kind: 'checkpoint',
        title: 'Run your first 1:1s',
        instructions:
          'Hold a first 1:1 with each of your reports using the questions from the course. Share your written expectations note for one of them (a link to the document, a file, or a short summary) with your manager.',
        evidenceKinds: ['text', 'link', 'file'],
      },
      { kind: 'course', course: 'fb' },
    ],
  },
  {
    key: 'data-driven',
    title: 'Data driven decisions',
    summary: 'From reading dashboards critically to answering your own questions in SQL.',
    tags: ['data', 'analytics'],
    enforceOrder: false,
    dueDays: 60,
    selfEnrollment: true,
    steps: [
      { kind: 'course', course: 'data' },
      { kind: 'course', course: 'sqlext' },
      { kind: 'course', course: 'sql' },
    ],
  },
];

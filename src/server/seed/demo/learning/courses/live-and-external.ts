import { course } from '../build.ts';
import type { DemoCourse } from '../types.ts';

export const negotiationWorkshop: DemoCourse = {
  key: 'negws',
  title: 'Negotiation workshop',
  summary:
    'A half-day, hands-on workshop: three role-played negotiations based on real Acme deals, with feedback from an experienced negotiator and your peers.',
  estimatedMinutes: 210,
  tags: ['negotiation', 'sales', 'workshop'],
  format: 'live',
  selfEnrollment: true,
  status: 'published',
  skills: [['Negotiation', 3]],
  prerequisites: ['neg'],
  comments: ['The renewal role-play felt uncomfortably real. Best training this year.', 'Great facilitator, great group.', 'Too short — a full day would be better.'],
  content: course('negws', [
    {
      title: 'Before the workshop',
      lessons: [
        {
          title: 'How to prepare',
          minutes: 20,
          text: `
            The workshop is practice, not lectures: you will negotiate three times, in pairs and in a group of four, and get feedback after each round.
            ## Please bring
            - A negotiation you have coming up or recently had — a renewal, a supplier contract, a hiring offer or an internal resourcing discussion.
            - Your completed preparation sheet from **Negotiation basics** (interests, BATNA, walk-away point, concessions).
            ## Agenda
            1. Warm-up: a two-minute negotiation over a conference room.
            2. Round one: a renewal with a customer asking for a 25% discount.
            3. Round two: a multi-party deal with procurement, IT and a business sponsor.
            4. Round three: your own case, with peer coaching.
            5. Reflection: one habit you will change.
          `,
        },
      ],
    },
  ]),
};

export const presentingLive: DemoCourse = {
  key: 'presws',
  title: 'Presenting with confidence — live practice',
  summary: 'Small-group practice: present for five minutes, get filmed, get specific feedback, and present again. Maximum eight participants.',
  estimatedMinutes: 180,
  tags: ['presenting', 'communication', 'workshop'],
  format: 'live',
  selfEnrollment: true,
  status: 'published',
  skills: [['Presenting', 4]],
  comments: ['Watching myself on video was painful and extremely useful.', 'Supportive group and very concrete feedback.'],
  content: course('presws', [
    {
      title: 'Before the session',
      lessons: [
        {
          title: 'Prepare a five-minute talk',
          minutes: 30,
          text: `
            Bring a five-minute talk on a real topic from your work: a project update, a proposal, a customer story. Slides are optional; at most five.
            ## Write down before you come
            - Your one message, in one sentence.
            - The one thing you want the audience to do afterwards.
            - The question you most fear being asked.
            You will present twice: once as you prepared it, and once after feedback. Most people improve more between those two runs than in months of ordinary meetings.
          `,
        },
      ],
    },
  ]),
};

export const sqlIntroExternal: DemoCourse = {
  key: 'sqlext',
  title: 'Intro to SQL (Khan Academy)',
  summary: 'A free, self-paced introduction to querying databases with SQL from Khan Academy. A good first step before SQL for analysts.',
  estimatedMinutes: 240,
  tags: ['data', 'sql', 'external'],
  format: 'external',
  externalUrl: 'https://www.khanacademy.org/computing/computer-programming/sql',
  selfEnrollment: true,
  status: 'published',
  skills: [['SQL', 2]],
  comments: ['Nice interactive exercises.', 'A good warm-up for the Acme SQL course.'],
  content: course('sqlext', [
    {
      title: 'About this course',
      lessons: [
        {
          title: 'How it works',
          minutes: 5,
          text: `
            This course is hosted by Khan Academy. Work through the sections on basic queries, more complex queries and relational queries, then come back here and mark the course complete.
            ## Tips
            - Do the challenges, not only the videos: SQL is learned by typing it.
            - Keep notes of queries you found useful; you will reuse them in **SQL for analysts**.
          `,
        },
      ],
    },
  ]),
};

/** Still being written: it stays a draft, so the catalog does not show it. */
export const writingClearDocuments: DemoCourse = {
  key: 'docs',
  title: 'Writing clear documents',
  summary: 'Write decision documents people actually read: the point first, short sections, and a clear ask.',
  estimatedMinutes: 30,
  tags: ['writing', 'communication'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'draft',
  skills: [['Communication', 3]],
  comments: [],
  content: course('docs', [
    {
      title: 'The point first',
      lessons: [
        {
          title: 'Bottom line up front',
          minutes: 10,
          text: `
            Busy readers decide in the first three lines whether to keep reading. Put the decision you need, or the conclusion you reached, at the top.
            ## A structure for decision documents
            1. **The ask:** what decision, from whom, by when.
            2. **Context:** the minimum a reader needs to understand the ask.
            3. **Options:** two or three, with their costs and risks.
            4. **Recommendation:** which option and why.
            Draft note for authors: add a lesson on editing and a short quiz before publishing.
          `,
        },
      ],
    },
  ]),
};

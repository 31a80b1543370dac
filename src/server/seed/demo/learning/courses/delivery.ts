import { course, multiple, quizSettings, shortAnswer, single, trueFalse } from '../build.ts';
import type { DemoCourse } from '../types.ts';

export const projectPlanning: DemoCourse = {
  key: 'proj',
  title: 'Project planning',
  summary: 'Plan a cross-team project people believe in: outcome and scope, milestones with owners, risks and dependencies, and honest status.',
  estimatedMinutes: 60,
  tags: ['projects', 'planning', 'delivery'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Project management', 3], ['Stakeholder management', 2]],
  comments: ['The pre-mortem exercise is now part of every kick-off in our team.', 'Practical templates, thanks.', 'Good but I wanted more on agile planning.'],
  content: course('proj', [
    {
      title: 'Shaping the project',
      lessons: [
        {
          title: 'Outcome, scope and non-goals',
          minutes: 15,
          text: `
            Projects fail far more often from an unclear outcome than from poor execution. Before you plan tasks, write one page that answers: what will be different when this is done, for whom, and how will we know?
            ## A one-page brief
            - **Outcome:** “Customers in Germany can run payroll with the new tax rules from 1 January.”
            - **Measure of success:** “All 412 German customers migrated; fewer than 5 support tickets per 100 customers in January.”
            - **Scope:** what is in.
            - **Non-goals:** what is deliberately out. Non-goals prevent more arguments than any other line in the brief.
            - **Owner and sponsor:** one person runs it; one person decides trade-offs.
          `,
        },
        {
          title: 'Milestones, risks and dependencies',
          minutes: 20,
          text: `
            Break the work into milestones that each produce something a stakeholder can see: a demo, a migrated pilot customer, a signed-off design. “Backend 50% done” is not a milestone.
            ## Owners and dates
            Every milestone has one owner (not a team) and a date the owner agreed to — not a date handed to them.
            ## The pre-mortem
            At the kick-off, ask: “It is six months from now and this project failed. What happened?” Everyone writes reasons silently for five minutes, then you group them. The top risks get an owner and a mitigation. People name risks in a pre-mortem they would never raise in a status meeting.
            ## Dependencies
            List what you need from other teams, by when, and confirm it with them directly. An unconfirmed dependency is a risk.
          `,
        },
        {
          title: 'Honest status',
          minutes: 10,
          text: `
            A status report exists to trigger decisions, not to reassure. Use three states and mean them:
            - **On track:** we will hit the next milestone as planned.
            - **At risk:** we might miss it; here is what we are doing and what we need.
            - **Off track:** we will miss it; here are the options and the decision we need from the sponsor.
            A project that is green for months and red in the last week was never green. Say it early.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 15,
          quiz: quizSettings(70, 3, [
            single('Which is a good milestone?', [
              ['Backend 50% done', false, 'Nobody can see or verify it.'],
              ['First pilot customer migrated and running payroll', true],
              ['Work started', false],
            ]),
            trueFalse(
              'A milestone should be owned by a whole team so the load is shared.',
              false,
              'Shared ownership means nobody owns it: one person per milestone.',
              'Correct: one owner per milestone.',
            ),
            multiple('What belongs in a one-page project brief?', [
              ['The outcome and how success is measured', true],
              ['Non-goals', true, 'They prevent many scope arguments.'],
              ['Every task of every team', false, 'That belongs in the plan, not the brief.'],
              ['The owner and the sponsor', true],
            ]),
            shortAnswer(
              'What is the exercise called where the team imagines the project has failed and lists why?',
              ['pre-mortem', 'premortem', 'pre mortem'],
              'Yes: the pre-mortem.',
              'It is called a pre-mortem.',
            ),
            single('The project will miss its next milestone. Its status is…', [
              ['At risk', false, 'At risk means we might miss it.'],
              ['Off track', true, 'And bring options and the decision you need.'],
              ['On track until the date passes', false],
            ]),
          ]),
        },
      ],
    },
  ]),
};

export const timeAndPriorities: DemoCourse = {
  key: 'time',
  title: 'Time and priorities',
  summary: 'Plan your week around what matters: urgent versus important, focus time, fewer and better meetings, and saying no with reasons.',
  estimatedMinutes: 35,
  tags: ['productivity', 'prioritisation', 'wellbeing'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Prioritisation', 2], ['Time management', 3]],
  comments: [
    'Blocking focus time on Tuesday and Thursday mornings made a big difference.',
    'The “no, because… / yes, if…” phrasing is really useful.',
    'Short and useful, exactly what I needed.',
    'I liked the weekly planning routine.',
  ],
  content: course('time', [
    {
      title: 'Choosing what matters',
      lessons: [
        {
          title: 'Urgent is not important',
          minutes: 10,
          text: `
            Urgent work shouts; important work waits quietly until it becomes a crisis. A Slack ping feels urgent; preparing the quarterly plan feels like it can wait until Thursday, and then Friday.
            ## Four boxes
            - **Important and urgent:** do it now (a customer outage, a deadline today).
            - **Important, not urgent:** schedule it, protect the time — this is where most of your real impact lives.
            - **Urgent, not important:** delegate it or batch it.
            - **Neither:** drop it, honestly.
            Each Monday, write your three most important outcomes for the week before you open your inbox.
          `,
        },
        {
          title: 'Focus time and meetings',
          minutes: 10,
          text: `
            Deep work needs blocks of at least 90 minutes without interruption. Acme keeps Wednesday mornings meeting-free across the company; many teams add a second block.
            ## Making focus time real
            - Put it in your calendar as a busy event; people book around visible blocks.
            - Close Slack and mail, or set your status to focus mode.
            - Start with the hardest task, not the quickest.
            ## Fewer, better meetings
            Decline meetings without an agenda or a decision to make. Suggest a written update instead of a status meeting. Default to 25 or 50 minutes so people can breathe between calls.
          `,
        },
        {
          title: 'Saying no',
          minutes: 5,
          text: `
            Every yes is a no to something else. Make the trade-off visible instead of silently working late.
            - “No, because this week I am finishing the renewal plan for the Berlin accounts.”
            - “Yes, if we move the dashboard review to next week. Which matters more to you?”
            Ask your manager to choose when two requests collide; that is their job, not a failure of yours.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 10,
          quiz: quizSettings(75, 3, [
            single('Preparing next quarter’s plan, due in three weeks, is…', [
              ['Urgent and important', false],
              ['Important, not urgent: schedule it', true, 'Protect time for it now, before it becomes urgent.'],
              ['Urgent, not important', false],
            ]),
            trueFalse(
              'Focus blocks work best when they are visible in your calendar.',
              true,
              'Yes: people book around visible blocks.',
              'Visible blocks are respected far more than private intentions.',
            ),
            multiple('Good ways to say no:', [
              ['“No, because I am finishing X this week.”', true],
              ['“Yes, if we move Y. Which matters more?”', true],
              ['Saying yes and quietly working late', false, 'That hides the trade-off from the people who could decide it.'],
            ]),
            shortAnswer(
              'Which morning is meeting-free across Acme?',
              ['wednesday', 'wednesday morning', 'wednesdays'],
              'Wednesday mornings.',
              'Wednesday mornings are meeting-free.',
            ),
          ]),
        },
      ],
    },
  ]),
};

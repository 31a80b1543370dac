import { course, multiple, quizSettings, shortAnswer, single, trueFalse } from '../build.ts';
import type { DemoCourse } from '../types.ts';

export const leadershipForNewManagers: DemoCourse = {
  key: 'lead',
  title: 'Leadership for new managers',
  summary:
    'Your first 90 days leading a team at Acme: what changes when you become a manager, how to set expectations, delegate outcomes and build trust.',
  estimatedMinutes: 75,
  tags: ['leadership', 'management', 'new managers'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Delegation', 3], ['Coaching', 2], ['Communication', 3]],
  comments: [
    'The section on delegating outcomes changed how I hand work to my team.',
    'Wish I had taken this before my first month, not after.',
    'Good, practical. The expectations template is now in our team wiki.',
    'A bit long on theory in the first lesson, the rest was great.',
  ],
  content: course('lead', [
    {
      title: 'From doing the work to leading it',
      lessons: [
        {
          title: 'What changes when you become a manager',
          minutes: 15,
          text: `
            Most new managers at Acme were promoted because they were very good at the work itself. That is a fine reason to be promoted, and it is also the first trap: the habits that made you a strong engineer, account executive or analyst are not the habits that make a strong manager.
            ## Your job is now the team’s results
            Your output is no longer what you produce yourself. It is what your team produces, and how well the people in it grow. A week in which you wrote no code or closed no deal can be an excellent week if your team shipped, unblocked a customer and learned something.
            ## Three shifts to make deliberately
            - **From answers to questions.** When someone brings you a problem, your first move is to ask what they think, not to solve it.
            - **From tasks to outcomes.** Describe what good looks like and why it matters; let people choose how to get there.
            - **From visibility to trust.** You will not see everything any more. Build trust through regular 1:1s and clear expectations, not by checking every piece of work.
            ## Where the time goes
            Expect roughly a third of your week to go to 1:1s, planning and unblocking, a third to cross-team work and stakeholders, and the rest to hands-on work that only you can do. If hands-on work grows above half, your team is probably waiting on you.
            > The most common mistake we see at Acme is a new manager who keeps their old job and adds the new one on top. Both suffer.
          `,
        },
        {
          title: 'Setting expectations in your first 30 days',
          minutes: 20,
          text: `
            People do their best work when they know what is expected of them and how they will know they are doing well. In your first month, meet each person for a longer first 1:1 and agree expectations explicitly.
            ## The first 1:1: questions to ask
            - What do you enjoy most about your work, and what drains you?
            - What did your previous manager do that helped you? What did not?
            - How do you like to receive feedback: in the moment, or saved for our 1:1?
            - Where do you want to be in two years?
            ## Write the expectations down
            After the conversation, write a short note of what you agreed: the outcomes the person owns, how you will work together (1:1 cadence, how to reach you when blocked) and what you expect in the next quarter. Share it and invite changes. A written note avoids the two memories of one conversation drifting apart.
            ## Your own expectations of the team
            Be explicit about the few things you care about most, for example: we tell each other early when something is at risk; we review each other’s work within a day; customers hear from us before they have to ask. Three or four such norms are easier to live by than a long list.
          `,
        },
      ],
    },
    {
      title: 'Delegating and building trust',
      lessons: [
        {
          title: 'Delegating outcomes, not tasks',
          minutes: 20,
          text: `
            Delegation is how your team grows and how you free time for the work only a manager can do. Done badly, it feels like dumping work; done well, it is one of the strongest signals of trust.
            ## A five-part handover
            1. **The outcome:** what must be true when this is done, and by when.
            2. **The why:** who benefits and what happens if it is late or wrong.
            3. **The boundaries:** budget, people to involve, decisions that need your sign-off.
            4. **The check-ins:** when you will look at progress together — agreed up front, so it does not feel like surveillance.
            5. **The authority:** tell the people around the work that this person now owns it.
            ## Match the level of support to the person
            Someone new to a kind of task needs more structure and more frequent check-ins. Someone experienced needs the outcome and the boundaries, then room. Ask: “How much support do you want on this?” — people usually answer honestly.
            ## When it goes wrong
            Resist taking the work back. Ask what happened, what they would do differently and what they need now. Taking it back teaches the whole team that delegation is temporary.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 10,
          quiz: quizSettings(70, 3, [
            single('A report brings you a problem you could solve in two minutes. What is your best first move?', [
              ['Solve it quickly so they are unblocked', false, 'It unblocks today but teaches them to bring you every problem.'],
              ['Ask what they think the options are', true, 'Yes: start with their thinking, then help only where needed.'],
              ['Tell them to work it out alone', false, 'Leaving them alone is not coaching either; stay in the conversation.'],
            ]),
            multiple('Which belong in a good delegation handover?', [
              ['The outcome and the deadline', true, 'Without a clear outcome there is nothing to own.'],
              ['Why the work matters', true, 'The why lets people make good decisions without you.'],
              ['Step-by-step instructions for every task', false, 'That delegates tasks, not outcomes.'],
              ['Agreed check-in points', true, 'Agreeing them up front keeps check-ins from feeling like surveillance.'],
            ]),
            trueFalse(
              'If hands-on work takes more than half of a new manager’s week, the team is probably waiting on them.',
              true,
              'Right: that is a common sign the manager kept their old job.',
              'It is usually true: the team often ends up waiting on decisions and reviews.',
            ),
            single('When delegated work goes wrong, you should…', [
              ['Take it back and fix it yourself', false, 'This teaches the team that delegation is temporary.'],
              ['Ask what happened and what they need now', true, 'Yes: keep the ownership with them and support it.'],
              ['Escalate to your own manager', false, 'Only if the impact needs it; first talk to the person.'],
            ]),
            shortAnswer(
              'How often should you meet each report for a 1:1 in your first months? (one word, e.g. daily)',
              ['weekly', 'every week', 'once a week'],
              'Weekly 1:1s build the trust everything else rests on.',
              'At Acme we recommend weekly 1:1s for new teams.',
            ),
          ]),
        },
      ],
    },
  ]),
};

export const givingFeedback: DemoCourse = {
  key: 'fb',
  title: 'Giving and receiving feedback',
  summary:
    'Give feedback people can act on and receive it without getting defensive: the situation–behaviour–impact model, timing, and turning feedback into a habit.',
  estimatedMinutes: 50,
  tags: ['feedback', 'communication', 'leadership'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Giving feedback', 3], ['Communication', 2]],
  comments: [
    'The SBI examples were really close to situations in my team.',
    'Short and to the point. I used it in a retro the same week.',
    'More examples of receiving feedback would help.',
  ],
  content: course('fb', [
    {
      title: 'Giving feedback',
      lessons: [
        {
          title: 'Why feedback gets avoided',
          minutes: 10,
          text: `
            In Acme’s last engagement survey, 71% of people said they would like more feedback on their work, and 64% of managers said they find corrective feedback hard to give. Both sides want it; it still does not happen often enough.
            ## The usual reasons
            - We worry about hurting the relationship.
            - We wait for the “right moment”, which never comes, until the review.
            - We are not sure our view is fair, so we soften it until it says nothing.
            Feedback that arrives months late, in a review, feels like an ambush. Feedback that arrives within days feels like help. The single most useful change most of us can make is to give feedback sooner and in smaller pieces.
          `,
        },
        {
          title: 'Situation, behaviour, impact',
          minutes: 15,
          text: `
            The SBI model keeps feedback specific and fair, because it talks about what happened rather than about the person.
            ## The three parts
            - **Situation:** when and where. “In Tuesday’s planning meeting…”
            - **Behaviour:** what the person did or said, as a camera would have recorded it. “…you cut in twice while Priya was presenting her estimate…”
            - **Impact:** what it caused, for you, the team or the customer. “…and she did not finish, so we planned with half the information.”
            Then stop and ask: “How did you see it?” The conversation that follows is where the learning happens.
            ## Positive feedback uses the same model
            “Great job” is pleasant but tells nobody what to repeat. “When the customer escalated on Friday (S), you called them within the hour and explained the workaround step by step (B); they cancelled the escalation and thanked us in the renewal call (I)” tells the person exactly what to keep doing.
            ## Avoid judgements and labels
            “You were rude”, “you are not a team player” and “you always…” invite an argument about character. Describe the behaviour and let the impact speak.
          `,
        },
      ],
    },
    {
      title: 'Receiving feedback and making it a habit',
      lessons: [
        {
          title: 'Receiving feedback well',
          minutes: 10,
          text: `
            How you receive feedback decides whether you get any more of it. People watch what happens to the first person who is honest with you.
            ## In the moment
            1. Listen to the end without defending yourself.
            2. Ask for an example if it is vague: “Can you tell me about a time you saw that?”
            3. Thank them — it took effort to say it.
            4. Decide later, calmly, what you will do with it. You do not have to agree on the spot.
            ## Ask for it
            Ask specific questions after a piece of work: “What is one thing I could have done differently in that demo?” is much easier to answer than “Any feedback?”
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 10,
          quiz: quizSettings(75, 3, [
            single('Which opening best states the behaviour in SBI?', [
              ['“You were unprofessional with the client.”', false, 'That is a judgement, not a behaviour.'],
              ['“You answered the client’s question before they had finished asking it.”', true, 'Yes: specific and observable.'],
              ['“You always do this in meetings.”', false, '“Always” invites an argument about whether it is true.'],
            ]),
            trueFalse(
              'Positive feedback does not need to be specific.',
              false,
              'Unspecific praise feels nice but does not tell anyone what to repeat.',
              'Correct: specific praise tells the person exactly what to keep doing.',
            ),
            multiple('When receiving feedback you disagree with, you should…', [
              ['Listen to the end', true, 'Interrupting ends the conversation early.'],
              ['Ask for an example', true, 'Examples turn vague feedback into something you can use.'],
              ['Explain right away why they are wrong', false, 'Defending yourself teaches people to stop telling you things.'],
              ['Thank them and decide later what to do with it', true, 'You can reflect calmly and still decide not to act on it.'],
            ]),
            shortAnswer(
              'What do the letters SBI stand for? (three words, separated by commas or spaces)',
              ['situation behaviour impact', 'situation, behaviour, impact', 'situation behavior impact', 'situation, behavior, impact'],
              'Situation, behaviour, impact.',
              'SBI stands for situation, behaviour, impact.',
            ),
            single('When is corrective feedback most useful?', [
              ['Within a few days of what happened', true, 'Yes: details are fresh and it feels like help.'],
              ['Saved for the annual review', false, 'Months later it feels like an ambush.'],
              ['Only when the person asks for it', false, 'Waiting to be asked means it rarely happens.'],
            ]),
          ]),
        },
      ],
    },
  ]),
};

export const effectiveOneOnOnes: DemoCourse = {
  key: 'oneonone',
  title: 'Running effective 1:1s',
  summary: 'Make your weekly 1:1s the most useful 30 minutes of your report’s week: their agenda, good questions, and follow-up that sticks.',
  estimatedMinutes: 40,
  tags: ['1:1s', 'management', 'coaching'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Coaching', 3], ['Communication', 2]],
  comments: ['The question bank is gold.', 'Our 1:1s stopped being status updates after this.', 'Useful, if a little short.'],
  content: course('oneonone', [
    {
      title: 'The 1:1 is theirs',
      lessons: [
        {
          title: 'Purpose and rhythm',
          minutes: 12,
          text: `
            A 1:1 is not a status meeting. Status belongs in the team’s board and stand-up; the 1:1 is for the things that do not fit anywhere else: how the person is doing, what is in their way, how they are growing and what they think you should know.
            ## A rhythm that works
            - **Weekly, 30 minutes,** at a fixed time. Moving it often signals it does not matter.
            - **Their agenda first.** Ask them to add topics in Tandem before the meeting; your topics come after.
            - **Notes both can see,** with agreed actions and owners.
            Cancel only in real emergencies, and reschedule rather than skip. If you are travelling, a 15-minute call still keeps the thread.
          `,
        },
        {
          title: 'Questions that open a conversation',
          minutes: 13,
          text: `
            The quality of a 1:1 depends on the questions. Closed questions (“Is everything fine?”) get closed answers.
            ## A question bank
            - What is taking more of your energy than it should right now?
            - What is one thing I could do differently to help you this week?
            - If you ran the team for a week, what would you change first?
            - What did you learn in the last month that you are proud of?
            - Which part of your work would you like more of? Less of?
            ## Follow up
            Start each 1:1 by looking at last week’s actions — yours first. When people see their manager keep promises made in a 1:1, they start bringing the things that matter.
            ## When the 1:1 gets hard
            Sometimes a report brings something heavy: a conflict with a colleague, a health or family issue, or the news that they are thinking of leaving. Slow down, listen, and do not rush to fix it. Ask what support would help, agree what stays between the two of you, and know when to involve your People Partner — for example when someone’s wellbeing or a possible policy breach is involved.
            ## Career conversations
            Once a quarter, use one 1:1 only for growth: where the person wants to be in two years, which skills they want to build, and what learning or stretch work would help. Record the aspiration in Tandem so the learning you assign later can say why.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 8,
          quiz: quizSettings(75, 2, [
            trueFalse(
              'A 1:1 is a good place to go through the status of every task.',
              false,
              'Status belongs in the team’s board; the 1:1 is for what does not fit elsewhere.',
              'Right: use the 1:1 for growth, blockers and how the person is doing.',
            ),
            single('Whose topics come first in the 1:1?', [
              ['The manager’s', false, 'That turns the 1:1 into your meeting.'],
              ['The report’s', true, 'Yes: it is their meeting.'],
              ['Whoever arrives first', false, 'Agree the order up front: theirs first.'],
            ]),
            multiple('Which are open questions?', [
              ['“What is taking more of your energy than it should?”', true],
              ['“Is everything fine?”', false, 'This invites “yes”.'],
              ['“What could I do differently to help you?”', true],
              ['“Did you finish the report?”', false, 'A status question with a yes/no answer.'],
            ]),
            single('What should you do at the start of each 1:1?', [
              ['Review last week’s actions, yours first', true, 'Keeping your own promises builds trust.'],
              ['Check the person’s calendar', false],
              ['Share company news', false, 'Useful sometimes, but actions come first.'],
            ]),
          ]),
        },
      ],
    },
  ]),
};

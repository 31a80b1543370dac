import { course, multiple, quizSettings, shortAnswer, single, trueFalse } from '../build.ts';
import type { DemoCourse } from '../types.ts';

export const negotiationBasics: DemoCourse = {
  key: 'neg',
  title: 'Negotiation basics',
  summary:
    'Prepare any negotiation in 20 minutes: interests behind positions, your walk-away point, anchoring, and trading concessions instead of giving them away.',
  estimatedMinutes: 60,
  tags: ['negotiation', 'sales', 'commercial'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Negotiation', 2], ['Stakeholder management', 2]],
  comments: [
    'The preparation sheet is something I use before every renewal call now.',
    'Would love more examples from procurement negotiations.',
    'Clear and practical. The concession ladder was new to me.',
    'Good intro before the live workshop.',
  ],
  content: course('neg', [
    {
      title: 'Preparing',
      lessons: [
        {
          title: 'Positions and interests',
          minutes: 15,
          text: `
            A **position** is what someone says they want: “We need a 20% discount.” An **interest** is why they want it: their budget was cut, they must show savings to their CFO, or they are comparing us with a cheaper competitor. Positions collide; interests can often be met in more than one way.
            ## Finding the interest
            Ask why, in a friendly way, and listen: “Help me understand what the 20% needs to achieve for you.” In a recent renewal, an Acme account executive learned that the customer’s real issue was paying for 400 seats when only 260 were active. A seat true-up met the interest at a fraction of the cost of a discount — and the customer renewed for three years.
            ## Map both sides before you meet
            - What do we need, and what would be nice?
            - What do they probably need? What pressures are they under?
            - Which things are cheap for us to give and valuable to them (payment terms, onboarding help, a case study)?
          `,
        },
        {
          title: 'Your walk-away point and BATNA',
          minutes: 15,
          text: `
            Your **BATNA** is your best alternative to a negotiated agreement: what you will do if this deal does not happen. It decides your power in the room far more than any tactic.
            ## Work it out in advance
            1. List your real alternatives if there is no deal.
            2. Pick the best one and make it concrete.
            3. From it, set your **walk-away point**: the worst terms you will accept. Write it down before the meeting — it is much harder to hold a line you invent under pressure.
            Think about their BATNA too. A customer whose contract with a competitor ended last month has a weaker alternative than one running a pilot with two vendors.
            ## Anchoring
            The first number on the table pulls the discussion towards it. If you have a good sense of the range, anchor first, ambitiously but defensibly, with the reason attached: “For 400 seats with premium support, the list price is €96,000; given a three-year term we can look at €88,000.”
          `,
        },
      ],
    },
    {
      title: 'In the room',
      lessons: [
        {
          title: 'Trading concessions',
          minutes: 15,
          text: `
            Never give a concession away; trade it. “If you can sign by the end of the quarter, we can include the onboarding package” keeps value on both sides of the table.
            ## The concession ladder
            - Plan your concessions in advance, from cheapest to most expensive for us.
            - Make each concession smaller than the last: it signals you are reaching your limit.
            - Tie each to something you get back: term length, payment terms, a reference call, volume.
            ## Silence is a tool
            After you state a number, stop talking. The urge to fill the silence with a justification — or a discount — is strong. Let the other side respond first.
            ## Close with a summary
            End every negotiation by summarising what was agreed, in writing, the same day. Most deal disputes at Acme come from two memories of one call.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 15,
          quiz: quizSettings(70, 3, [
            single('A customer says “We need 20% off.” This is…', [
              ['An interest', false, 'It is what they say they want, not why.'],
              ['A position', true, 'Yes: now find the interest behind it.'],
              ['A BATNA', false, 'A BATNA is their alternative if no deal happens.'],
            ]),
            shortAnswer(
              'What is the acronym for your best alternative to a negotiated agreement?',
              ['BATNA'],
              'Right: BATNA.',
              'It is BATNA: best alternative to a negotiated agreement.',
            ),
            trueFalse(
              'You should decide your walk-away point during the negotiation, once you hear their offer.',
              false,
              'Lines invented under pressure rarely hold; decide before the meeting.',
              'Correct: set it in advance and write it down.',
            ),
            multiple('Which are good ways to trade a concession?', [
              ['“If you sign a three-year term, we can include onboarding.”', true, 'A concession tied to something in return.'],
              ['“Fine, we’ll drop another 5%.”', false, 'Given away, not traded.'],
              ['“We can offer quarterly billing in exchange for a reference call.”', true],
              ['“Let me throw in extra seats to keep you happy.”', false, 'Nothing comes back for it.'],
            ]),
            single('After you state your price, you should…', [
              ['Explain again why it is fair', false, 'Over-justifying signals doubt.'],
              ['Stay silent and let them respond', true, 'Yes: silence gives the other side room to answer.'],
              ['Offer a small discount to show goodwill', false, 'That negotiates against yourself.'],
            ]),
            single('Each successive concession should usually be…', [
              ['Larger than the last', false, 'Growing concessions signal there is plenty more.'],
              ['Smaller than the last', true, 'It signals you are near your limit.'],
              ['Exactly the same size', false],
            ]),
          ]),
        },
      ],
    },
  ]),
};

export const customerConversations: DemoCourse = {
  key: 'cust',
  title: 'Customer conversations',
  summary:
    'Handle difficult customer conversations with empathy and clarity: listen for the real problem, explain decisions in the customer’s terms, and close the loop.',
  estimatedMinutes: 45,
  tags: ['customer', 'support', 'communication'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Customer empathy', 3], ['Communication', 2]],
  comments: [
    'The LEARN steps helped me with an angry customer the very next day.',
    'Great role-play scripts.',
    'Would be good to have a version for chat support.',
  ],
  content: course('cust', [
    {
      title: 'Listening for the real problem',
      lessons: [
        {
          title: 'The problem behind the request',
          minutes: 15,
          text: `
            Customers tell us what they think the solution is: “Add a CSV export to this screen.” Often the real problem is different: they need to send a weekly summary to their finance team, and a scheduled report would serve them better.
            ## Ask before you answer
            - “What are you trying to get done when you need this?”
            - “What happens today when you can’t?”
            - “Who else is affected?”
            Three questions take two minutes and regularly turn a “no, we don’t have that” into “yes, here is how you can do it today”.
            ## Write it down in their words
            When you log the request, quote the customer’s words for the problem, not only your summary of the feature. Product managers read these quotes and they carry far more weight than “customer wants export”.
          `,
        },
        {
          title: 'Difficult conversations: LEARN',
          minutes: 15,
          text: `
            When a customer is upset, they first need to feel heard; only then can they hear a solution. Acme’s support team uses the LEARN steps.
            1. **Listen** without interrupting, and take notes.
            2. **Empathise** with the impact: “Losing a morning of invoices before a month-end close is serious.”
            3. **Apologise** for the experience, without blaming colleagues or the customer.
            4. **Resolve:** say what you will do and by when — specific, not “we’ll look into it”.
            5. **Notify:** close the loop when it is done, even if the news is not what they hoped.
            ## Saying no
            When the answer is no, say it clearly, explain why in the customer’s terms, and offer what you can do. A clear no with an alternative is respected; a vague maybe that turns into no six weeks later is not.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 10,
          quiz: quizSettings(75, 3, [
            single('A customer asks for a CSV export. What is your best first response?', [
              ['Log the feature request', false, 'You might be logging the wrong solution.'],
              ['Ask what they are trying to get done', true, 'Yes: find the problem behind the request.'],
              ['Say it is not on the roadmap', false],
            ]),
            multiple('Which are steps of LEARN?', [
              ['Listen', true],
              ['Empathise', true],
              ['Argue', false, 'Never.'],
              ['Notify', true, 'Closing the loop is the step most often forgotten.'],
            ]),
            trueFalse(
              'A clear “no” with an alternative is better than a vague “maybe”.',
              true,
              'Right: vague maybes become late disappointments.',
              'It is true: customers respect clarity.',
            ),
            shortAnswer(
              'In LEARN, what does the R stand for?',
              ['resolve'],
              'Resolve: say what you will do and by when.',
              'R is for resolve.',
            ),
          ]),
        },
      ],
    },
  ]),
};

export const presentingWithConfidence: DemoCourse = {
  key: 'pres',
  title: 'Presenting with confidence',
  summary: 'Build a talk around one message, open strongly, use slides that support you rather than compete, and handle questions calmly.',
  estimatedMinutes: 55,
  tags: ['presenting', 'communication'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Presenting', 3], ['Communication', 3]],
  comments: ['The one-sentence message exercise was hard and very useful.', 'Loved the slide makeovers.', 'Good, but nothing beats practice — do the live session too.'],
  content: course('pres', [
    {
      title: 'Structure',
      lessons: [
        {
          title: 'One message',
          minutes: 15,
          text: `
            Before you open a slide tool, write the one sentence you want the audience to remember and the one thing you want them to do. If you cannot write it, you are not ready to build slides.
            ## Examples
            - Weak: “Q3 update on the payments project.”
            - Strong: “Payments will launch two weeks late because of the bank certification; we need a decision on the Berlin pilot by Friday.”
            ## Build around it
            Open with the message, give three supporting points with evidence, and close by repeating the message and the ask. It feels repetitive to you; to the audience, who hear it once, it is clarity.
            ## Know your audience
            Before you decide what to include, ask who will be in the room and what they already know. The leadership team wants the decision and the risk in the first minute; a team demo can spend longer on how something works. When in doubt, cut detail and offer an appendix: nobody has ever complained that a talk at Acme finished five minutes early.
          `,
        },
        {
          title: 'Slides and delivery',
          minutes: 20,
          text: `
            Slides are there to support you, not to be read. A slide full of bullet points splits attention: people read ahead and stop listening.
            ## Slide rules we use at Acme
            - One idea per slide, with a headline that states the point (“Churn fell 2 points after the onboarding change”), not the topic (“Churn”).
            - Charts with the key number highlighted and everything else greyed out.
            - No more than 20 words on a slide, except for an appendix.
            ## Nerves
            Nerves are normal and mostly invisible. Arrive early, rehearse the first two minutes until they are automatic, and breathe out slowly before you start. Pausing is not a failure; to the audience a pause looks like confidence.
            ## Questions
            Repeat or paraphrase the question, answer briefly, and check: “Does that answer it?” If you do not know, say so and promise a follow-up — then send it.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 10,
          quiz: quizSettings(70, null, [
            single('What should you write before building any slides?', [
              ['The agenda', false],
              ['The one message and the ask', true, 'Everything else is built around them.'],
              ['A title slide', false],
            ]),
            single('Which slide headline is best?', [
              ['“Churn”', false, 'A topic, not a point.'],
              ['“Churn fell 2 points after the onboarding change”', true, 'It states the point.'],
              ['“Churn analysis Q3 (draft v4)”', false],
            ]),
            trueFalse(
              'A pause during a talk looks like a failure to the audience.',
              false,
              'To the audience, pauses look like confidence.',
              'Correct: pauses read as confidence.',
            ),
            multiple('Good ways to handle a question you cannot answer:', [
              ['Say you do not know and promise a follow-up', true],
              ['Guess confidently', false, 'A wrong answer costs more credibility than “I’ll find out”.'],
              ['Send the follow-up afterwards', true, 'A promise kept builds trust.'],
            ]),
          ]),
        },
      ],
    },
  ]),
};

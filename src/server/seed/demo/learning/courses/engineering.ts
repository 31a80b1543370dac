import { course, multiple, quizSettings, shortAnswer, single, trueFalse } from '../build.ts';
import type { DemoCourse } from '../types.ts';

export const maintainableCode: DemoCourse = {
  key: 'craft',
  title: 'Maintainable code: tests, refactoring and review',
  summary:
    'Write code the next person can change safely: tests that say what the code is for, refactoring in small steps, and code review that finds the risks instead of the commas.',
  estimatedMinutes: 75,
  tags: ['engineering', 'code quality', 'code review'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Software development', 3], ['Code review', 3]],
  comments: [
    'The "review the risk, not the style" checklist is now pinned in our team channel.',
    'Refactoring in steps of one green test each changed how I work on the billing code.',
    'Would love a follow-up on testing code that talks to the database.',
  ],
  content: course('craft', [
    {
      title: 'Code that can be changed',
      lessons: [
        {
          title: 'Tests that say what the code is for',
          minutes: 20,
          text: `
            A test suite is the specification the next engineer reads first. A good test names a behaviour a user relies on — “an invoice in a closed period cannot be edited” — and fails when that behaviour breaks, not when an internal detail moves.
            ## Three habits
            - **Arrange, act, assert**: build the situation, do one thing, check one outcome. A test that asserts ten things fails for ten reasons.
            - **Test through the boundary people use**: the HTTP endpoint or the public function of a module, not its private helpers. Refactoring then leaves the tests green.
            - **Make it fail first**: a test you never saw fail may not test anything.
            ## What not to mock
            Mock only what you do not own — a payment provider, a clock you cannot move. Mocking our own database hides exactly the bugs that reach customers.
          `,
        },
        {
          title: 'Refactoring in small steps',
          minutes: 15,
          text: `
            Refactoring changes the shape of code without changing what it does. Done in one large commit it is a rewrite with extra risk; done in small steps, each ending with green tests, it is safe enough to do on a Friday.
            ## A rhythm that works
            1. Make sure the behaviour is covered by a test; write one if it is not.
            2. Make one small change: rename, extract a function, move a file.
            3. Run the tests. Commit with a message that says why.
            4. Repeat. Stop when the change you actually came to make is easy.
            “Make the change easy, then make the easy change.” Most of the time the first part is the refactoring.
          `,
        },
      ],
    },
    {
      title: 'Reviewing changes',
      lessons: [
        {
          title: 'Review the risk, not the style',
          minutes: 20,
          text: `
            A linter settles formatting. A reviewer’s time is for what no tool sees: is this change correct, is it the right change, and what happens when it goes wrong?
            ## A reviewer’s checklist
            - **Correctness:** edge cases, empty input, concurrency, time zones.
            - **Blast radius:** what else calls this? What happens to data already stored?
            - **Security:** whose data can this read or change? Is input validated at the edge?
            - **Tests:** would they fail if the change were wrong?
            ## Comments people can act on
            Say what you saw and why it matters, and mark what blocks the merge: “Blocking: this query is not scoped by organisation, so one tenant could read another’s goals.” versus “Nit: consider a shorter name.” Ask questions when you are unsure — the author often knows something you do not.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 10,
          quiz: quizSettings(70, 3, [
            single('What should a good test name?', [
              ['The function it calls', false, 'That ties the test to the implementation.'],
              ['A behaviour a user relies on', true, 'Yes: it then survives refactoring and explains itself.'],
              ['The ticket number', false],
            ]),
            multiple('Which belong in a reviewer’s checklist?', [
              ['Edge cases and empty input', true],
              ['Whose data the change can read or change', true],
              ['Whether the tests would fail if the change were wrong', true],
              ['Indentation the linter already fixes', false, 'Leave formatting to the tools.'],
            ]),
            trueFalse(
              'Refactoring is safest in one large commit, so the history stays short.',
              false,
              'Small steps with green tests after each are far safer.',
              'Correct: small, tested steps.',
            ),
            single('Which dependency is it reasonable to fake in a test?', [
              ['Our own database', false, 'Faking it hides the bugs that reach customers.'],
              ['An external payment provider', true, 'Yes: a boundary we do not own.'],
              ['Our own validation code', false],
            ]),
            shortAnswer(
              'Before you trust a new test, you should see it … (one word)',
              ['fail', 'fail first', 'failing', 'red'],
              'Yes: a test you never saw fail may test nothing.',
              'See it fail: otherwise it may not test anything.',
            ),
          ]),
        },
      ],
    },
  ]),
};

export const systemDesign: DemoCourse = {
  key: 'sysdesign',
  title: 'System design fundamentals',
  summary:
    'Design services that scale and fail gracefully: start from the requirements, choose where data lives, plan for failure, and write the decision down so others can challenge it.',
  estimatedMinutes: 90,
  tags: ['engineering', 'architecture', 'system design'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['System design', 3]],
  comments: [
    'The back-of-the-envelope numbers exercise was eye-opening.',
    'Finally understood why we queue the report exports.',
    'Good primer before my first design review.',
  ],
  content: course('sysdesign', [
    {
      title: 'From requirements to a design',
      lessons: [
        {
          title: 'Numbers before boxes',
          minutes: 20,
          text: `
            Most design mistakes come from skipping the requirements. Before drawing a single box, write down who uses the system, how often, and what “fast enough” and “available enough” mean.
            ## Back-of-the-envelope estimates
            - **Load:** 100,000 employees, each opening the goals page twice a day, is about 2.3 requests per second on average — and perhaps 50 at nine o’clock on a Monday.
            - **Data:** 20 check-ins per person per year for five years is 10 million rows: comfortable for one PostgreSQL table with the right index.
            - **Latency budget:** if the page must show in 300 ms, and the network takes 100, the server has 200 for everything else.
            Rough numbers are enough to rule designs out. They stop you building a distributed cache for a table that fits in memory.
          `,
        },
        {
          title: 'Where the data lives',
          minutes: 20,
          text: `
            Every design answers: which store owns each piece of data, and who may change it? One owner per fact keeps the system consistent; two copies that both accept writes will disagree sooner or later.
            ## Choices that matter
            - **One transaction per use case**: either all of a change is saved or none of it.
            - **Indexes follow questions**: design them from the queries people ask, measured with EXPLAIN, not guessed.
            - **Derived data is rebuilt, not edited**: a recommendation list or a report is recomputed from its sources, so a bug in it can be fixed by recomputing.
          `,
        },
      ],
    },
    {
      title: 'Designing for failure',
      lessons: [
        {
          title: 'When things go wrong',
          minutes: 20,
          text: `
            Networks drop, disks fill, and a downstream service will be slow on the busiest day. A good design decides in advance what happens then.
            ## Patterns
            - **Queues for slow work**: an export or a bulk email goes to a job queue; the person sees progress instead of a spinner that times out.
            - **Retries with idempotency**: a job that runs twice must give the same result as once.
            - **Timeouts everywhere**: a call without a timeout is a thread waiting forever.
            - **Degrade, don’t fail**: show the page without the recommendations panel rather than an error page.
            ## Write it down
            A one-page design record — context, options, decision, consequences — lets reviewers challenge the reasoning, and lets the next team understand why.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 10,
          quiz: quizSettings(70, 3, [
            single('What should you do before drawing the components of a design?', [
              ['Pick the database', false],
              ['Write down the load, data size and latency the system must meet', true, 'Yes: numbers rule designs out early.'],
              ['Choose the cloud provider', false],
            ]),
            multiple('Which make a background job safe to retry?', [
              ['Running it twice gives the same result as once', true],
              ['It has a timeout', true],
              ['It never logs anything', false],
              ['It writes a fresh copy of the data each time it runs', false, 'That creates duplicates on retry.'],
            ]),
            trueFalse(
              'Two copies of the same fact that both accept writes stay consistent if the network is reliable.',
              false,
              'Networks are never fully reliable: the copies will drift apart.',
              'Correct: give each fact one owner.',
            ),
            shortAnswer(
              'Slow work such as a large export belongs in a … (one word)',
              ['queue', 'job queue', 'background job', 'job'],
              'Yes: queue it and show progress.',
              'A queue: the person sees progress instead of a timeout.',
            ),
          ]),
        },
      ],
    },
  ]),
};

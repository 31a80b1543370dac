import { course, multiple, quizSettings, shortAnswer, single, trueFalse, type LessonSpec, type QuizSpec } from '../build.ts';
import type { DemoCourse } from '../types.ts';

const phishing: LessonSpec = {
  title: 'Spotting phishing',
  minutes: 10,
  text: `
    Nine in ten security incidents at companies like Acme start with a message: an email, a chat message or a text that persuades someone to click, log in or pay. Attackers do not need to break our systems if they can borrow a colleague’s password.
    ## Warning signs
    - **Urgency or fear:** “Your account will be closed in 2 hours”, “The CEO needs this payment today.”
    - **A sender that is almost right:** \`acme-corp.co\` instead of \`acme.example\`, or a display name that does not match the address.
    - **Links that do not go where they say:** hover before you click; on a phone, press and hold.
    - **Requests to bypass process:** changing a supplier’s bank details by email, buying gift cards, sharing a one-time code.
    ## What to do
    Do not click, reply or forward. Use the **Report phishing** button in your mail client, or send the message as an attachment to security@acme.example. If you already clicked or typed a password, report it at once — speed matters far more than embarrassment, and nobody at Acme is blamed for reporting.
  `,
};

const passwords: LessonSpec = {
  title: 'Passwords and multi-factor authentication',
  minutes: 10,
  text: `
    Reused passwords are how a breach at some other website becomes a breach at Acme. Attackers try leaked email and password pairs against every popular service within hours.
    ## The rules
    - Use the company password manager (1Password) for every work account; let it generate long random passwords.
    - Never reuse a work password anywhere else.
    - Multi-factor authentication (MFA) is required on every Acme system that supports it. Prefer the authenticator app or a security key over text messages.
    - Never share a password or a one-time code — not with IT, not with your manager. Our IT team will never ask for them.
    ## MFA fatigue
    If your phone asks you to approve a sign-in you did not start, press **Deny** and report it. Repeated prompts are an attacker hoping you will tap approve to make them stop.
  `,
};

const data: LessonSpec = {
  title: 'Handling customer data',
  minutes: 10,
  text: `
    Our customers trust us with their employees’ data. We classify information in three levels, and the level decides where it may go.
    - **Public:** marketing pages, published documentation.
    - **Internal:** plans, internal wiki, most email. Stays inside Acme’s tools.
    - **Confidential:** customer data, personal data, contracts, salaries, security details. Only in approved systems, shared with named people who need it, never in personal storage or public AI tools.
    ## Everyday situations
    A customer sends a spreadsheet of employee records to help with a support ticket: store it in the ticket, not on your laptop, and delete local copies when the ticket closes. A colleague asks for a production data extract “just for a quick analysis”: use the anonymised analytics warehouse instead.
    ## Lost device?
    Report a lost or stolen laptop or phone to IT within one hour, day or night, on +44 20 7946 0000. We can wipe it remotely — but only if we know.
  `,
};

function securityQuiz(extra: QuizSpec['questions'] = []): QuizSpec {
  return quizSettings(80, 3, [
    single('You receive an urgent email from “the CFO” asking you to pay a new supplier today. What do you do?', [
      ['Pay it: the CFO asked', false, 'Urgency and bypassing process are classic warning signs.'],
      ['Report it and verify through a known channel', true, 'Yes: call or message the CFO on a channel you already know.'],
      ['Reply to ask whether it is genuine', false, 'Replying reaches the attacker, who will say yes.'],
    ]),
    multiple('Which are warning signs of phishing?', [
      ['A deadline measured in hours', true],
      ['A sender domain that is almost Acme’s', true],
      ['A request to share a one-time code', true],
      ['A message from a colleague about a meeting you both attend', false, 'Ordinary messages are not suspicious in themselves.'],
    ]),
    trueFalse(
      'IT support may ask for your password to fix your account.',
      false,
      'Never: IT will never ask for your password or one-time codes.',
      'Correct: nobody at Acme will ask for your password.',
    ),
    single('Your phone asks you to approve a sign-in you did not start. What do you do?', [
      ['Approve it to stop the prompts', false, 'That is exactly what the attacker hopes for.'],
      ['Deny it and report it', true],
      ['Ignore it', false, 'Deny and report, so security can reset your password.'],
    ]),
    shortAnswer(
      'Within how many hours must a lost laptop be reported to IT? (a number)',
      ['1', 'one', '1 hour', 'one hour'],
      'Within one hour, day or night.',
      'Report it within one hour.',
    ),
    single('Where may confidential customer data be stored?', [
      ['In approved systems only', true],
      ['On your laptop, if it is encrypted', false, 'Local copies are not allowed beyond the work at hand.'],
      ['In a personal cloud drive for convenience', false],
    ]),
    ...extra,
  ]);
}

export const securityAwareness: DemoCourse = {
  key: 'sec',
  title: 'Security awareness (annual)',
  summary:
    'The yearly refresher every Acme colleague takes: phishing, passwords and MFA, handling customer data, and what to do when something goes wrong.',
  estimatedMinutes: 35,
  tags: ['security', 'compliance', 'mandatory'],
  format: 'self_paced',
  selfEnrollment: false,
  status: 'published',
  skills: [['Security awareness', 2]],
  comments: [
    'Shorter than last year’s, and the examples were realistic.',
    'The MFA fatigue part was new to me.',
    'Fine. It is compliance training, but a good one.',
    'Good reminder about reporting quickly.',
  ],
  content: course('sec', [
    { title: 'Everyday security', lessons: [phishing, passwords, data] },
    { title: 'Check your understanding', lessons: [{ title: 'Annual security quiz', minutes: 5, quiz: securityQuiz() }] },
  ]),
  version2: {
    publishedDaysAgo: 45,
    content: course('sec2', [
      {
        title: 'Everyday security',
        lessons: [
          phishing,
          passwords,
          data,
          {
            title: 'AI tools and your data',
            minutes: 8,
            text: `
              Generative AI tools are useful for drafting, summarising and coding. They also send whatever you paste into them to someone else’s servers, where it may be stored or used for training.
              ## Acme’s rules
              - Use only the AI tools listed as approved on the IT wiki; they have contracts that keep our data out of training.
              - Never paste confidential information — customer data, personal data, contracts, credentials, unreleased financials — into a tool that is not approved.
              - Check AI output before you use it. You remain responsible for what you send or ship.
              ## Examples
              Summarising a public article: fine in any tool. Rewriting a customer’s support ticket that names their employees: only in an approved tool. Debugging code that contains an API key: remove the key first, always.
            `,
          },
        ],
      },
      {
        title: 'Check your understanding',
        lessons: [
          {
            title: 'Annual security quiz',
            minutes: 6,
            quiz: securityQuiz([
              trueFalse(
                'You may paste a customer’s support ticket into any AI chatbot if you remove their company name.',
                false,
                'Employee names and details are still personal data: approved tools only.',
                'Correct: use only approved AI tools for confidential data.',
              ),
            ]),
          },
        ],
      },
    ]),
  },
};

export const onboardingAtAcme: DemoCourse = {
  key: 'onb',
  title: 'Onboarding at Acme',
  summary: 'Everything a new colleague needs in the first two weeks: who we are, how we work, the tools we use and where to find help.',
  estimatedMinutes: 45,
  tags: ['onboarding', 'company', 'new joiners'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Onboarding knowledge', 2]],
  comments: [
    'Really helped me find my way in week one.',
    'The glossary of internal names was the best part.',
    'Could mention the expense tool earlier.',
    'Friendly and clear. Thank you!',
  ],
  content: course('onb', [
    {
      title: 'Welcome',
      lessons: [
        {
          title: 'Who we are',
          minutes: 10,
          text: `
            Welcome to Acme. We build software that helps mid-sized companies run payroll, time tracking and expenses in one place. About 250 of us work from London, Berlin, New York and Toronto, and remotely across Europe and North America, for more than 3,000 customers.
            ## What we value
            - **Customers first, for real.** We measure ourselves by our customers’ outcomes, not by features shipped.
            - **Say it early.** Bad news travels fast at Acme, and nobody is blamed for raising a risk.
            - **Leave it better.** Fix the small thing you found, or write it down so someone else can.
            - **Write it down.** Decisions live in documents, not in hallway conversations.
            ## How we are organised
            Six departments: Engineering, Sales, Marketing, Customer Success, People & Culture, and Finance & Operations. Your manager and your buddy will walk you through your own team in your first week.
          `,
        },
        {
          title: 'Your first two weeks',
          minutes: 10,
          text: `
            ## Week one
            1. Collect your laptop and set up MFA with IT on day one.
            2. Meet your manager for a first 1:1 and agree what the first 90 days should achieve.
            3. Meet your **buddy**: a colleague from another team who answers the questions you would rather not ask your manager.
            4. Complete **Security awareness** — it is required within your first 30 days.
            ## Week two
            - Sit in on two customer calls (support or sales) — everyone at Acme does, in every role.
            - Read your team’s last three decision documents.
            - Update your Tandem profile: photo, skills and a line about yourself.
          `,
        },
      ],
    },
    {
      title: 'How we work',
      lessons: [
        {
          title: 'Tools and rituals',
          minutes: 15,
          text: `
            ## Tools
            - **Tandem** for goals, 1:1s, feedback, reviews and learning — you are here.
            - **Slack** for quick questions; if an answer matters in a month, it belongs in a document.
            - **Google Workspace** for documents, mail and calendar.
            - **1Password** for every work password.
            ## Rituals
            - **Monday kick-off** (15 minutes, whole company, recorded): priorities of the week.
            - **Monthly town hall:** results, customer stories and open questions to the leadership team.
            - **Weekly 1:1** with your manager: your agenda first.
            - **Quarterly goals** set in Tandem and reviewed every month.
            ## Where to get help
            IT: #it-help or it@acme.example. People questions: your People Partner or #ask-people. Anything else: your buddy.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 10,
          quiz: quizSettings(60, null, [
            single('Who is your buddy?', [
              ['Your manager', false, 'Your buddy is deliberately not your manager.'],
              ['A colleague from another team who helps you settle in', true],
              ['Someone from IT', false],
            ]),
            multiple('Which are Acme values?', [
              ['Say it early', true],
              ['Write it down', true],
              ['Move fast and break things', false, 'Not ours.'],
              ['Customers first, for real', true],
            ]),
            trueFalse(
              'Everyone at Acme sits in on customer calls in their first weeks, whatever their role.',
              true,
              'Yes: it is the fastest way to understand our customers.',
              'It is true, in every role.',
            ),
            shortAnswer(
              'Which tool do we use for every work password?',
              ['1password', '1 password', 'one password'],
              'Right: 1Password.',
              'We use 1Password.',
            ),
          ]),
        },
      ],
    },
  ]),
};

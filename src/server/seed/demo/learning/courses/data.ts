import { course, multiple, quizSettings, shortAnswer, single, trueFalse } from '../build.ts';
import type { DemoCourse } from '../types.ts';

export const dataLiteracy: DemoCourse = {
  key: 'data',
  title: 'Data literacy',
  summary:
    'Read charts and numbers critically: where data comes from, averages that mislead, correlation versus causation, and how to ask good questions of a dashboard.',
  estimatedMinutes: 60,
  tags: ['data', 'analytics', 'decision making'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['Data literacy', 3]],
  comments: [
    'The median vs mean example with deal sizes finally made it click.',
    'Every manager should take this before looking at the sales dashboard.',
    'Good pace, good examples from our own data.',
    'The chart quiz was tricky in a good way.',
  ],
  content: course('data', [
    {
      title: 'Reading numbers',
      lessons: [
        {
          title: 'Where does this number come from?',
          minutes: 15,
          text: `
            Every number on a dashboard is the end of a chain: someone decided what to count, a system recorded it, a pipeline moved and transformed it, and a chart summarised it. Errors can enter at every link. The first question of data literacy is therefore simple: **where does this number come from?**
            ## Four questions for any metric
            - **Definition:** what exactly is counted? “Active customers” at Acme means a customer with at least one signed-in user in the last 28 days — not a customer with a paid invoice.
            - **Source:** which system records it, and what does it miss? Our CRM only knows about deals that were entered.
            - **Freshness:** when was it last updated? The revenue dashboard refreshes nightly; the support dashboard every 15 minutes.
            - **Comparison:** compared with what? A number without a baseline, a target or last period’s value tells you very little.
            Asking these questions is not pedantry. Two teams arguing about whether churn rose are very often using two definitions of churn.
          `,
        },
        {
          title: 'Averages that mislead',
          minutes: 15,
          text: `
            The mean is sensitive to extreme values. In Q2, Acme’s mean deal size in EMEA was €41,000 — but the median was €18,500. Three enterprise deals pulled the mean far above what a typical account executive closes. Planning quotas on the mean would have set most people up to fail.
            ## Which one to use
            - **Median** when the data is skewed: deal sizes, salaries, time to resolve a ticket.
            - **Mean** when values are roughly symmetric and totals matter: for example, to forecast total revenue from many similar deals.
            - **Distribution** whenever you can: a histogram shows what both averages hide.
            ## Percentages and small numbers
            “Complaints doubled!” may mean they went from 2 to 4. Always look for the absolute numbers behind a percentage, and be wary of changes in small groups.
          `,
        },
      ],
    },
    {
      title: 'From data to decisions',
      lessons: [
        {
          title: 'Correlation is not causation',
          minutes: 15,
          text: `
            Customers who attend our onboarding webinars renew at a higher rate. Does the webinar cause renewals? Possibly — or customers who were already more engaged are both more likely to attend and more likely to renew. The data alone cannot tell us.
            ## Three explanations to rule out
            1. **A third factor** drives both (engagement, company size, a dedicated admin).
            2. **Reverse causation:** the effect causes the supposed cause.
            3. **Chance:** with many metrics, some will move together by accident.
            ## How to get closer to cause
            The strongest evidence comes from an experiment: offer the webinar to a random half of new customers and compare. When that is not possible, compare like with like (similar size, similar plan) and be honest about the uncertainty in your conclusion.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 15,
          quiz: quizSettings(70, 3, [
            single('Deal sizes are skewed by a few very large deals. Which average describes a typical deal best?', [
              ['The mean', false, 'The mean is pulled up by the large deals.'],
              ['The median', true, 'Yes: the median is robust to extreme values.'],
              ['The maximum', false],
            ]),
            multiple('Which questions should you ask about any metric?', [
              ['How exactly is it defined?', true],
              ['When was it last updated?', true],
              ['Compared with what?', true, 'Without a baseline, a number says little.'],
              ['Which colour is the chart?', false],
            ]),
            trueFalse(
              'If customers who attend webinars renew more often, the webinars cause the renewals.',
              false,
              'Not necessarily: engaged customers may do both.',
              'Correct: correlation alone does not show cause.',
            ),
            single('“Complaints rose by 100%.” What do you ask first?', [
              ['What are the absolute numbers?', true, '2 to 4 is a 100% rise too.'],
              ['Who is to blame?', false],
              ['Can we hide the chart?', false],
            ]),
            shortAnswer(
              'What is the strongest way to test whether something causes an outcome? (one word)',
              ['experiment', 'an experiment', 'a/b test', 'ab test', 'randomised experiment', 'randomized experiment'],
              'Yes: a randomised experiment.',
              'An experiment (for example an A/B test) gives the strongest evidence.',
            ),
            single('At Acme, an “active customer” is one…', [
              ['With a paid invoice this year', false],
              ['With at least one signed-in user in the last 28 days', true],
              ['Listed in the CRM', false],
            ]),
          ]),
        },
      ],
    },
  ]),
};

export const sqlForAnalysts: DemoCourse = {
  key: 'sql',
  title: 'SQL for analysts',
  summary:
    'Answer your own questions from Acme’s data warehouse: SELECT, filters, joins, GROUP BY and the three mistakes that silently double-count.',
  estimatedMinutes: 90,
  tags: ['data', 'sql', 'analytics'],
  format: 'self_paced',
  selfEnrollment: true,
  status: 'published',
  skills: [['SQL', 3], ['Data literacy', 3]],
  prerequisites: ['data'],
  comments: [
    'Finally I can answer my own questions without waiting for the data team.',
    'The join fan-out lesson saved me from a wrong board report.',
    'More exercises please!',
  ],
  content: course('sql', [
    {
      title: 'Querying one table',
      lessons: [
        {
          title: 'SELECT, WHERE and ORDER BY',
          minutes: 20,
          text: `
            Acme’s warehouse holds one row per customer in \`customers\`, one per subscription in \`subscriptions\` and one per support ticket in \`tickets\`. A query names the columns you want, the table, the rows to keep and the order.
            ~~~
            select name, country, plan, created_at
            from customers
            where country = 'DE' and plan = 'business'
            order by created_at desc
            limit 20;
            ~~~
            ## Reading it aloud
            “Show name, country, plan and creation date of business-plan customers in Germany, newest first, the first 20.” If you cannot read your query aloud as a sentence, it is probably doing something you did not intend.
            ## Filtering tips
            - Text comparisons are exact: \`'de'\` is not \`'DE'\`.
            - \`null\` is not equal to anything, not even \`null\`: use \`is null\`.
            - Use \`between\` or \`>=\` and \`<\` for date ranges, and be explicit about the end date.
          `,
        },
        {
          title: 'Counting and grouping',
          minutes: 25,
          text: `
            Aggregates turn many rows into one: \`count\`, \`sum\`, \`avg\`, \`min\`, \`max\`. \`group by\` computes them per group.
            ~~~
            select country, count(*) as customers, round(avg(seats)) as avg_seats
            from customers
            where churned_at is null
            group by country
            having count(*) >= 10
            order by customers desc;
            ~~~
            \`where\` filters rows before grouping; \`having\` filters groups after. Every column in the select list is either in the \`group by\` or inside an aggregate.
          `,
        },
      ],
    },
    {
      title: 'Joining tables',
      lessons: [
        {
          title: 'Joins and the fan-out trap',
          minutes: 25,
          text: `
            A join combines rows of two tables that match a condition. An inner join keeps only matches; a left join keeps every row of the left table and fills the right side with nulls where nothing matches.
            ~~~
            select c.name, count(t.id) as open_tickets
            from customers c
            left join tickets t on t.customer_id = c.id and t.status = 'open'
            group by c.name;
            ~~~
            ## The fan-out trap
            If a customer has three subscriptions and you join customers to subscriptions, that customer now appears three times. Summing \`customers.seats\` after that join counts their seats three times. This is the most common cause of wrong numbers in reports we review.
            ## Three checks before you trust a result
            1. Count rows before and after each join. Did the number grow unexpectedly?
            2. Aggregate the “many” side first in a subquery, then join.
            3. Compare one total with a number you know, such as the finance dashboard’s customer count.
          `,
        },
        {
          title: 'Check your understanding',
          minutes: 20,
          quiz: quizSettings(75, 3, [
            single('Which clause filters groups after aggregation?', [
              ['WHERE', false, 'WHERE filters rows before grouping.'],
              ['HAVING', true],
              ['ORDER BY', false],
            ]),
            trueFalse('In SQL, `null = null` is true.', false, 'Comparisons with null are unknown, never true.', 'Correct: use `is null`.'),
            multiple('Which help avoid double-counting after a join?', [
              ['Counting rows before and after the join', true],
              ['Aggregating the “many” side first, then joining', true],
              ['Adding DISTINCT everywhere until the number looks right', false, 'That hides the problem rather than fixing it.'],
              ['Checking a total against a known figure', true],
            ]),
            single('You want every customer, including those with no tickets. Which join?', [
              ['Inner join', false, 'Customers without tickets would disappear.'],
              ['Left join from customers to tickets', true],
              ['Cross join', false, 'That pairs every customer with every ticket.'],
            ]),
            shortAnswer(
              'Which keyword sorts the results of a query? (two words)',
              ['order by'],
              'ORDER BY.',
              'It is ORDER BY.',
            ),
            single('A customer with 3 subscriptions is joined to subscriptions. How often does their row appear?', [
              ['Once', false],
              ['Three times', true, 'That is the fan-out.'],
              ['It depends on the WHERE clause only', false],
            ]),
          ]),
        },
      ],
    },
  ]),
};

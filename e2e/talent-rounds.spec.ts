import { expect, test, type Locator, type Page } from '@playwright/test';
import { callApi, uniqueTitle } from './support/api.ts';
import { signedInAs, signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { expectNotice } from './support/notice.ts';
import { snap } from './support/screenshot.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A round's progress as it reads: the line "Self-assessed  1 of 9" a sighted user sees, and the bar
 * named "<title>: self-assessed, 1 of 9" for a screen reader (an empty bar has no size to be seen).
 */
async function expectProgress(scope: Page | Locator, title: string, what: 'Self-assessed' | 'Rated by manager', n: number) {
  await expect(scope.getByText(what, { exact: true }).locator('..')).toHaveText(new RegExp(`^${what}\\s*${n} of \\d+$`));
  await expect(scope.getByRole('progressbar', { name: new RegExp(`^${escape(title)}: ${what.toLowerCase()}, ${n} of \\d+$`) })).toHaveCount(1);
}

/** axe on the page at rest: the pointer off the rows, whose hover colours are not what it should judge. */
async function expectAccessibleAtRest(page: Page) {
  await page.mouse.move(0, 0);
  await expectAccessible(page);
}

/** Chooses a level in every skill of a ratings form: the radio at index `pick` of each scale. */
async function rateEverySkill(form: Locator, pick: (levels: number) => number) {
  const groups = form.getByRole('radiogroup');
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const radios = groups.nth(i).getByRole('radio');
    await radios.nth(pick(await radios.count())).check();
  }
  return count;
}

// A manager asks the team to rate their skills; the employee answers from My growth; the manager
// follows who has answered, and adds their own rating of the employee.
test('a manager runs a skill round: the report rates themselves on My growth, the manager sees it and rates too', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const title = uniqueTitle('Autumn skills check');
  await signIn(page, 'manager');
  const manager = await callApi<{ name: string }>(page, 'GET', '/auth/me');
  const employee = await signedInAs(browser, baseURL, 'employee');
  const { name } = await callApi<{ name: string }>(employee, 'GET', '/auth/me');

  // The manager starts a round for their direct reports (the default choice).
  await page.goto('/skill-rounds');
  await expect(page.getByRole('heading', { level: 1, name: 'Skill rounds' })).toBeVisible();
  await page.getByRole('button', { name: 'Start a round' }).click();
  const start = page.getByRole('dialog', { name: 'Start a skill round' });
  await start.getByLabel('Title').fill(title);
  // Every direct report who can rate is chosen once the team is known.
  await expect(start.getByText(new RegExp(`^${escape(name)} · `))).toBeVisible();
  await expectAccessibleAtRest(page);
  await start.getByRole('button', { name: 'Start round' }).click();
  await expectNotice(page, 'asked to rate their skills');

  // The round's page: nobody has answered yet.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/skill-rounds\/[0-9a-f-]{36}$/);
  const roundUrl = new URL(page.url()).pathname;
  await expectProgress(page, title, 'Self-assessed', 0);
  const members = page.getByRole('table', { name: `Members of ${title}` });
  const employeeRow = members.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(employeeRow.getByRole('cell').nth(2)).toHaveText('Not yet');
  await expectAccessibleAtRest(page);

  // The employee finds the request on My growth and answers it.
  await employee.goto('/skills');
  await expect(employee.getByRole('heading', { level: 1, name: 'My growth' })).toBeVisible();
  const asked = employee.getByRole('region', { name: 'Your manager asked you to rate your skills' });
  const card = asked.getByRole('article', { name: title });
  await expect(card).toContainText(`From ${manager.name}`);
  await expectAccessibleAtRest(employee);
  await card.getByRole('button', { name: 'Rate my skills' }).click();
  const form = card.locator('form');
  // Submitting with a skill left unrated says how many are left.
  await form.getByRole('button', { name: 'Submit my ratings' }).click();
  await expect(form.getByRole('alert')).toContainText(/Rate every skill before submitting \(\d+ left\)/);
  const rated = await rateEverySkill(form, () => 1);
  await expect(form.getByRole('alert')).toBeHidden();
  await expectAccessibleAtRest(employee);
  await snap(employee, 'talent-round-self');
  await form.getByRole('button', { name: 'Submit my ratings' }).click();
  await expectNotice(employee, `Thanks: ${manager.name} can now add their rating`);
  // Answered: the round no longer waits for them.
  await expect(card).toBeHidden();
  await employee.context().close();

  // The manager sees the answer, with the employee's levels beside each skill, and rates too.
  await page.goto(roundUrl);
  await expectProgress(page, title, 'Self-assessed', 1);
  await expectProgress(page, title, 'Rated by manager', 0);
  await expect(employeeRow.getByRole('cell').nth(2)).toHaveText(/^Done /);
  await expect(employeeRow.getByRole('cell').nth(1)).toContainText('(2/–)');
  await expect(employeeRow.getByRole('cell').nth(3)).toHaveText('Not yet');
  await employeeRow.getByRole('button', { name: `Rate ${name}` }).click();
  const rate = page.getByRole('dialog', { name: `Rate ${name}` });
  await expect(rate).toContainText(`${name} rated themselves on`);
  await expect(rate.getByText('Their own rating: 2')).toHaveCount(rated);
  expect(await rateEverySkill(rate, () => 2)).toBe(rated);
  await expectAccessibleAtRest(page);
  await snap(page, 'talent-round-manager-rating');
  await rate.getByRole('button', { name: 'Save rating' }).click();
  await expectNotice(page, `Your rating of ${name} is saved`);
  await expect(rate).toBeHidden();
  await expect(employeeRow.getByRole('cell').nth(3)).toHaveText(/^Done /);
  // Each skill now reads (their level / the manager's).
  await expect(employeeRow.getByRole('cell').nth(1)).toContainText('(2/3)');
  await expect(employeeRow.getByRole('cell').nth(1)).not.toContainText('–)');
  await expectProgress(page, title, 'Rated by manager', 1);
  await expect(employeeRow.getByRole('button', { name: `Rate ${name}` })).toHaveCount(0);
  await page.locator('body').focus();
  await expectAccessibleAtRest(page);

  // The list of rounds shows the same progress on the round's card.
  await page.goto('/skill-rounds');
  const roundCard = page.getByRole('article', { name: title });
  await expectProgress(roundCard, title, 'Self-assessed', 1);
  await expectProgress(roundCard, title, 'Rated by manager', 1);
  await expect(roundCard.getByText('Open', { exact: true })).toBeVisible();
  await expectAccessibleAtRest(page);
  await snap(page, 'talent-rounds');
});

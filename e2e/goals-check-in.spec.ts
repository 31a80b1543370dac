import { expect, test, type Page } from '@playwright/test';
import { callApi, uniqueTitle } from './support/api.ts';
import { signedInAs, signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { expectNotice } from './support/notice.ts';
import { snap } from './support/screenshot.ts';

type KeyResult = { id: string; title: string; kind: string; currentValue: number; targetValue: number; unit: string | null };
type GoalDetail = { id: string; title: string; canEdit: boolean; periodClosed: boolean; keyResults: KeyResult[] };

test('employee checks in on an OKR with a blocker raised as a hurdle; the manager sees it with the goal', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const note = uniqueTitle('Shipped the first two dashboards');
  const blocker = uniqueTitle('Waiting on access to the staging database');

  await signIn(page, 'employee');
  const { name: employeeName } = await callApi<{ name: string }>(page, 'GET', 'auth/me');
  await page.goto('/goals');
  await expect(page.getByRole('heading', { name: 'Goals', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'My goals', selected: true })).toBeVisible();
  // One of their OKRs they can still check in on, with a numeric key result (other journeys may
  // have given them goals of their own since the seed).
  const cards = page.getByRole('tabpanel').getByRole('article');
  await expect(cards.first()).toBeVisible();
  const hrefs = await cards.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  let goalId = '';
  let goalTitle = '';
  let kr: KeyResult | undefined;
  for (const href of hrefs) {
    const g = await callApi<GoalDetail>(page, 'GET', `goals/${href.split('/').at(-1)}`);
    kr = g.canEdit && !g.periodClosed ? g.keyResults.find((k) => k.kind !== 'binary') : undefined;
    if (kr) {
      [goalId, goalTitle] = [g.id, g.title];
      break;
    }
  }
  expect(kr, 'the employee has an OKR with a numeric key result to check in on').toBeTruthy();
  await page.locator(`a[href$="/goals/${goalId}"]`).first().click();
  await expect(page.getByRole('heading', { name: goalTitle, level: 1 })).toBeVisible();

  // The last values are pre-filled in the check-in form: most check-ins change one or two.
  const form = page.getByRole('region', { name: 'Check in' });
  const krInput = form.getByLabel(`${kr!.title} (target ${kr!.targetValue}${kr!.unit ? ` ${kr!.unit}` : ''})`);
  await expect(krInput).toHaveValue(String(kr!.currentValue));
  await expect(page.getByRole('region', { name: 'Key results' })).toContainText(`${kr!.currentValue} of ${kr!.targetValue}`);
  await expectAccessible(page);

  const next = Math.round((kr!.currentValue + (kr!.targetValue - kr!.currentValue) / 2) * 100) / 100;
  await krInput.fill(String(next));
  const confidence = form.getByRole('slider');
  await confidence.focus();
  await confidence.press('Home');
  for (let i = 0; i < 3; i++) await confidence.press('ArrowRight');
  await expect(form.getByText('Confidence: 4 of 10')).toBeVisible();
  await form.getByRole('textbox', { name: 'Note', exact: true }).fill(note);
  const raise = form.getByRole('checkbox', { name: 'Raise the blockers as a hurdle' });
  await expect(raise).toBeDisabled();
  await form.getByRole('textbox', { name: 'Blockers', exact: true }).fill(blocker);
  await raise.check();
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await expectNotice(page, 'Check-in saved; the blockers are a hurdle now.');

  // The history shows the check-in, newest first, and the chart counts it.
  const history = page.getByRole('region', { name: 'Check-in history' });
  const entry = history.getByRole('listitem').first();
  await expect(entry).toContainText(note);
  await expect(entry).toContainText(`Blockers: ${blocker}`);
  await expect(entry).toContainText('confidence 4/10');
  await expect(history.getByRole('img', { name: /^Progress over \d+ check-ins/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Key results' })).toContainText(`${next} of ${kr!.targetValue}`);
  await expect(krInput).toHaveValue(String(next));
  await expectAccessible(page);
  await snap(page, 'goal-check-in');

  // The employee's own hurdles list has it, tied to the goal.
  await page.goto('/hurdles');
  const mine = page.getByTestId('hurdle-row').filter({ hasText: blocker });
  await expect(mine).toContainText(`Goal: ${goalTitle}`);

  // Their manager sees it with the team's open hurdles, linked to the goal.
  const m = await signedInAs(browser, baseURL, 'manager');
  await m.goto('/hurdles');
  const team = m.getByRole('region', { name: "My team's open hurdles" });
  await expect(team).toBeVisible();
  const row = team.getByTestId('hurdle-row').filter({ hasText: blocker });
  await expect(row).toBeVisible();
  await expect(row).toContainText(`Goal: ${goalTitle}`);
  await expect(row).toContainText(employeeName);
  await expect(row).toContainText('Open');
  await expectAccessible(m);
  await snap(m, 'hurdles-from-check-in');
  await m.context().close();
});

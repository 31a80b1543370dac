import { expect, test } from '@playwright/test';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';

test('the manager opens My team, sees the signals and assigns the recommended learning for a gap with its reason pre-filled', async ({ page }) => {
  // Three axe passes over a page of full cards on a shared two-core machine.
  test.setTimeout(90_000);
  await signIn(page, 'manager');
  await page.goto('/team');
  await expect(page.getByRole('heading', { name: 'My team', level: 1 })).toBeVisible();
  const attention = page.getByRole('region', { name: /^Needs attention/ });
  await expect(attention.first()).toBeVisible();
  await expect(page.getByText(/Gap without a plan|Goal off track|No recent 1:1|Overdue compliance|Hurdle open/).first()).toBeVisible();
  await expectAccessible(page);

  // Every signal of every card, then the first gap that offers a recommended course.
  const more = page.getByRole('button', { name: /^\d+ more$/ });
  while ((await more.count()) > 0) await more.first().click();
  const assignButton = attention.getByRole('button', { name: /^Assign / }).first();
  await expect(assignButton).toBeVisible();
  await assignButton.click();
  const dialog = page.getByRole('dialog', { name: /^Assign / });
  await expect(dialog.getByRole('textbox', { name: 'Why' }).or(dialog.getByRole('combobox', { name: 'Why' })).first()).toHaveValue('Closes a skill gap');
  await expect(dialog.getByLabel('Note for the learner')).toHaveValue(/^To reach level \d+ in /);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog.getByText(/1 enrolled, 0 already enrolled/)).toBeVisible();
  await dialog.getByRole('button', { name: /close|done/i }).first().click();

  await page.getByRole('tab', { name: 'Skills heat map' }).click();
  await expect(page.getByRole('table', { name: /Skills heat map/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByText('Everyone below me').click();
  await expect(page.getByRole('radio', { name: 'Everyone below me' })).toBeChecked();
  await expect(page.getByRole('region', { name: /^Needs attention/ }).first()).toBeVisible();
});

test('an employee with no reports sees the empty team', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, 'employee');
  await page.goto('/team');
  await expect(page.getByText('Nobody reports to you')).toBeVisible();
  await expectAccessible(page);
});

import { expect, test } from '@playwright/test';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

// Each persona's home: what to do next for everyone, people at a glance for HR, learning health for L&D.
test('the employee home says what to do next and why learning is recommended', async ({ page }) => {
  await signIn(page, 'employee');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
  const next = page.getByRole('region', { name: 'Next up' });
  await expect(next.getByRole('listitem').first()).toBeVisible();
  // The demo employee has goals waiting for a check-in and learning with a due date.
  await expect(next).toContainText(/Check-in|Learning/);
  const recommended = page.getByRole('region', { name: 'Recommended for you' });
  await expect(recommended.getByRole('listitem').first()).toContainText(/(expected|needed) at \d/);
  await expect(page.getByRole('region', { name: 'People at a glance' })).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, 'home-employee');
  // An item opens what it is about.
  const first = next.getByRole('listitem').first().getByRole('link');
  const title = (await first.textContent())!;
  await first.click();
  await expect(page.getByText(title).first()).toBeVisible();
  await expect(page).not.toHaveURL(/\/$/);
});

test('the HR home shows 1:1 cadence, goals at risk and compliance at a glance', async ({ page }) => {
  await signIn(page, 'hr');
  await page.goto('/');
  const glance = page.getByRole('region', { name: 'People at a glance' });
  await expect(glance.getByText('1:1 cadence', { exact: true })).toBeVisible();
  await expect(glance.getByText(/people without a 1:1 in 4 weeks|Everyone had a 1:1/)).toBeVisible();
  await expect(glance.getByText('at risk', { exact: true })).toBeVisible();
  await expect(glance.getByRole('progressbar').or(glance.getByLabel(/% compliant$/)).first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'home-hr');
  await glance.getByRole('link', { name: 'The compliance dashboard' }).click();
  await expect(page).toHaveURL(/\/admin\/compliance/);
});

test('the learning admin home shows completion, overdue and reaction', async ({ page }) => {
  await signIn(page, 'learning');
  await page.goto('/');
  const health = page.getByRole('region', { name: 'Learning health' });
  await expect(health.getByRole('progressbar', { name: /^Completion \d/ })).toBeVisible();
  await expect(health.getByText(/mean of [\d,]+ ratings|no ratings yet/)).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'home-learning');
});

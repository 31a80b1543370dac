import { expect, test } from '@playwright/test';
import { callApi, uniqueTitle } from './support/api.ts';
import { signedInAs, signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

// The demo organisation's learning as each persona first meets it. The deeper journeys are in
// learning-authoring, learning-learner, learning-live and learning-compliance.clock.

test('an employee sees assigned learning with its reason and due date, and the catalog', async ({ page }) => {
  await signIn(page, 'employee');
  await page.getByRole('link', { name: 'Learning', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'My learning' })).toBeVisible();
  const overdue = page.getByRole('article', { name: 'Security awareness (annual)' }).or(page.locator('[aria-label="Security awareness (annual)"]')).first();
  await expect(overdue).toContainText('Required for compliance');
  await expect(overdue).toContainText(/overdue/i);
  await expect(page.locator('[aria-label="SQL for analysts"]').first()).toContainText('Supports a goal');
  await expectAccessible(page);
  await snap(page, 'learning-my-learning');

  await page.getByRole('tab', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await page.getByLabel('Search the catalog').fill('negotiation');
  await expect(page.getByRole('link', { name: 'Negotiation basics' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Customer conversations' })).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, 'learning-catalog');
});

test('a manager sees the team’s learning with reasons, overdue first', async ({ page }) => {
  await signIn(page, 'manager');
  await page.goto('/team/learning');
  await expect(page.getByRole('heading', { name: 'Team learning' })).toBeVisible();
  await expect(page.getByText(/Why: Required for compliance/).first()).toBeVisible();
  await expect(page.getByText(/overdue/i).first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'learning-team');
});

test('learning admins find courses, compliance and reports in Admin', async ({ page }) => {
  await signIn(page, 'learning');
  await page.goto('/admin/courses');
  await expect(page.getByRole('heading', { name: 'Courses' })).toBeVisible();
  await expect(page.getByText('Security awareness (annual)').first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'learning-admin-courses');

  await page.goto('/admin/compliance');
  await expect(page.getByText('Annual security awareness').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Download CSV/ })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'learning-admin-compliance');

  await page.goto('/admin/learning-reports');
  await expect(page.getByRole('heading', { name: 'Learning reports' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'learning-admin-reports');
});

test('HR admins read compliance rules and the dashboard, but only learning admins change the rules', async ({ page }) => {
  await signIn(page, 'hr');
  await page.goto('/admin/compliance');
  await expect(page.getByText('Annual security awareness').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Download CSV/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New rule' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await expectAccessible(page);
});

test('a manager reads a report’s transcript from their profile; a learning admin records external learning there', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000); // three people sign in
  const employee = await signedInAs(browser, baseURL, 'employee');
  const me = await callApi<{ personId: string; name: string }>(employee, 'GET', 'auth/me');
  await employee.context().close();

  await signIn(page, 'manager');
  await page.goto(`/people/${me.personId}`);
  await page.getByRole('link', { name: 'Transcript', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Transcript: ${me.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add external learning' })).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, 'learning-person-transcript');

  const admin = await signedInAs(browser, baseURL, 'learning');
  await admin.goto(`/people/${me.personId}/transcript`);
  const title = uniqueTitle('AWS Cloud Practitioner');
  await admin.getByRole('button', { name: 'Add external learning' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Add external learning' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(admin.getByRole('cell', { name: title, exact: true })).toBeVisible();
  await expect(admin.getByRole('button', { name: `Remove ${title}` })).toBeVisible(); // admins may also take it back
  await admin.context().close();
});

import { expect, test } from '@playwright/test';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

test('HR assigns a goal template to people, a group and a department: preview, result, and nobody gets it twice', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, 'hr');
  await page.goto('/admin/goals');
  await expect(page.getByRole('heading', { name: 'Goal settings', level: 1 })).toBeVisible();
  const title = `Customer empathy ${Date.now().toString(36)}`;
  await expectAccessible(page);
  await page.getByLabel('New template').fill(title);
  await page.getByRole('button', { name: 'Add template' }).click();
  await page.getByRole('button', { name: `Assign ${title}` }).click();

  const dialog = page.getByRole('dialog', { name: `Assign ${title}` });
  // A multi-select stays open after a choice: clicking the dialog's text closes it.
  const closeList = () => dialog.getByText(/^Each person gets their own goal/).click();
  await expect(dialog.getByText('Choose people, groups or departments.')).toBeVisible();
  // A person found by search, a group and a department.
  const people = dialog.getByRole('combobox', { name: 'People' });
  await people.click();
  await people.fill('employee@acme');
  await page.getByRole('option').first().click();
  await closeList();
  await dialog.getByRole('combobox', { name: 'Groups' }).click();
  await page.getByRole('option', { name: /^Mentors \(/ }).click();
  await closeList();
  await dialog.getByRole('combobox', { name: 'Departments' }).click();
  await page.getByRole('option', { name: /^Data \(/ }).click();
  await closeList();
  await expect(dialog).toBeVisible();

  const preview = dialog.getByText(/^Will create \d+ goals?\.$/);
  await expect(preview).toBeVisible();
  const n = Number((await preview.textContent())!.match(/\d+/)![0]);
  expect(n).toBeGreaterThan(1);
  // The page behind the dialog was checked above; under the overlay its colours read as too faint.
  await expectAccessible(page, { exclude: ['main'] });
  await snap(page, 'goals-admin-assign-preview');
  await dialog.getByRole('button', { name: `Assign to ${n} people` }).click();
  await expect(dialog.getByRole('status')).toContainText(`Created ${n} goals.`);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // Again, on a phone, to the department and the person: they all have it now.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole('button', { name: `Assign ${title}` }).click();
  await dialog.getByRole('combobox', { name: 'Departments' }).click();
  await page.getByRole('option', { name: /^Data \(/ }).click();
  await closeList();
  await expect(dialog.getByText(/^Will create 0 goals; \d+ (people|person) already (have|has) it\.$/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Nothing to assign' })).toBeDisabled();
  await expectAccessible(page, { exclude: ['main'] });
  await snap(page, 'goals-admin-assign-again');
});

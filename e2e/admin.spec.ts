import { expect, test } from '@playwright/test';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

const header = 'employee_number,email,first_name,last_name,job_title,department,manager,location,hire_date';

test('HR imports a CSV: reads the errors, fixes the file, commits', async ({ page }) => {
  await signIn(page, 'hr');
  await page.goto('/admin/import');
  const bad = [header, 'N9001,nora@acme.example,Nora,New,Analyst,Data,manager@acme.example,London,2026-02-30', 'N9002,omar.new@acme.example,Omar,New,Analyst,Data,N9999,London,2026-01-05'].join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('2 with errors')).toBeVisible();
  await expect(page.getByText(/2026-02-30/)).toBeVisible();
  await expect(page.getByText(/N9999/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await expectAccessible(page);
  await snap(page, 'import-errors');

  const good = [header, 'N9001,nora@acme.example,Nora,New,Analyst,Data,manager@acme.example,London,2026-02-03', 'N9002,omar.new@acme.example,Omar,New,Analyst,Data,N9001,London,2026-01-05'].join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('2 new')).toBeVisible();
  await page.getByRole('button', { name: /^Import 2 changes/ }).click();
  await expect(page.getByText('Imported', { exact: true })).toBeVisible();
  await snap(page, 'import-done');

  await page.goto('/people?q=omar%20new');
  await page.getByRole('link', { name: 'Omar New' }).first().click();
  await expect(page.getByRole('region', { name: 'About' }).getByRole('link', { name: 'Nora New' })).toBeVisible();
});

test('HR adds a custom field on a phone and chooses who can see its values', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, 'hr');
  await page.goto('/admin/custom-fields');
  await page.getByRole('button', { name: 'Add field' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add custom field' });
  await dialog.getByLabel('Label').fill('Desk number');
  // New fields are HR only unless HR says otherwise.
  await expect(dialog.getByRole('radio', { name: 'HR only' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'The person, their managers and HR' }).check();
  await expectAccessible(page);
  await snap(page, 'custom-field-visibility');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Desk number/ })).toContainText('The person, their managers and HR');
});

test('an admin creates an API token and calls the API with it', async ({ page, request, baseURL }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/api-tokens');
  await page.getByRole('button', { name: 'New token' }).click();
  await page.getByLabel('Name').fill('Browser test');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!.trim();
  expect(token).toMatch(/^tdm_/);
  await expectAccessible(page);
  await snap(page, 'api-token');

  const res = await request.get(`${baseURL}/api/v1/people?q=employee`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.data.map((p: { email: string }) => p.email)).toContain('employee@acme.example');
  const denied = await request.get(`${baseURL}/api/v1/people`, { headers: { authorization: 'Bearer tdm_not-a-token' } });
  expect(denied.status()).toBe(401);
});

test('admin pages pass the accessibility check', async ({ page }) => {
  // Seven full pages with axe each; the demo's audit log and mail outbox are long.
  test.setTimeout(90_000);
  await signIn(page, 'admin');
  for (const path of ['/admin', '/admin/people', '/admin/departments', '/admin/groups', '/admin/custom-fields', '/admin/audit-log', '/admin/mail-outbox']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await snap(page, `admin${path.replace(/\//g, '-')}`);
  }
});

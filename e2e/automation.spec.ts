import { expect, test } from '@playwright/test';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

test('HR builds an automation rule, previews who it touches, and switches it on', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'hr');
  await page.goto('/admin/automation');
  await expect(page.getByRole('heading', { name: 'Automation rules', level: 1 })).toBeVisible();
  await expectAccessible(page);

  const name = `Data newcomers ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New rule' }).click();
  const drawer = page.getByRole('dialog', { name: 'New automation rule' });
  await drawer.getByLabel('Name').fill(name);
  await drawer.getByRole('button', { name: 'Add condition' }).click();
  const departments = drawer.getByRole('combobox', { name: /is one of/ });
  await departments.click();
  await page.getByRole('option', { name: 'Data' }).click();
  await drawer.getByLabel('Name').click(); // closes the list
  await drawer.getByRole('combobox', { name: 'Course', exact: true }).click();
  await page.getByRole('option').first().click();

  await drawer.getByRole('button', { name: 'Preview who it touches' }).click();
  const selected = drawer.getByText(/^\d+ (people|person) selected now$/);
  await expect(selected).toBeVisible();
  const n = Number((await selected.textContent())!.match(/\d+/)![0]);
  expect(n).toBeGreaterThan(0);
  await expect(drawer.getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page, { exclude: ['main'] });
  await snap(page, 'automation-rule-preview');
  await drawer.getByRole('button', { name: 'Save as draft' }).click();
  await expect(drawer).toBeHidden();

  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row.getByText('Draft')).toBeVisible();
  await row.getByRole('button', { name: `Switch on ${name}` }).click();
  // Acting at once on everyone it selects is a choice, with the number named.
  const switchOn = page.getByRole('dialog', { name: `Switch on “${name}”?` });
  await switchOn.getByRole('checkbox', { name: `Also act now on the ${n} ${n === 1 ? 'person' : 'people'} its conditions select` }).check();
  await switchOn.getByRole('button', { name: 'Switch on' }).click();
  await expect(row.getByText('Active')).toBeVisible();
  await expect(row.getByText(new RegExp(`^${n} done`))).toBeVisible({ timeout: 20_000 }).catch(async () => {
    await page.reload();
    await expect(page.getByRole('row', { name: new RegExp(name) }).getByText(new RegExp(`^${n} done`))).toBeVisible({ timeout: 15_000 });
  });
  await page.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: `Runs of ${name}` }).click();
  await expect(page.getByRole('table', { name: `Recent runs of ${name}` })).toBeVisible();
  await page.mouse.move(0, 0); // the hovered button's colours are the hover state's, not the page's
  await expectAccessible(page);
  await snap(page, 'automation-rules-list');
});

import { expect, test } from '@playwright/test';
import { mainNav, signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

test('an employee finds a colleague and opens their profile', async ({ page }) => {
  await signIn(page, 'employee');
  await mainNav(page).getByRole('link', { name: 'People', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  await page.getByLabel('Search', { exact: true }).fill('manager');
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'people-directory');

  // The header search opens a profile straight away.
  await page.getByRole('combobox', { name: 'Search people' }).fill('Kwame');
  await page.getByRole('option', { name: /Kwame/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Kwame/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Direct reports/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Reporting line' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'person-profile');
});

test('anyone browses the org chart and jumps to a person', async ({ page }) => {
  await signIn(page, 'manager');
  await mainNav(page).getByRole('link', { name: 'Org chart', exact: true }).click();
  const tree = page.getByRole('tree', { name: 'Organisation chart' });
  // The chief executive is opened at once; their direct reports are listed.
  await expect(tree.getByRole('treeitem')).not.toHaveCount(1);
  const before = await tree.getByRole('treeitem').count();
  await tree.getByRole('button', { name: /^Expand / }).first().click();
  await expect.poll(() => tree.getByRole('treeitem').count()).toBeGreaterThan(before);

  await page.getByPlaceholder('Type a name').fill('Camille');
  await page.getByRole('option', { name: /Camille/ }).first().click();
  await expect(tree.locator('[aria-selected="true"]')).toContainText('Camille');
  await expectAccessible(page);
  await snap(page, 'org-chart');
});

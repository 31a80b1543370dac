import { expect, test } from '@playwright/test';
import { callApi } from './support/api.ts';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

// An employee rates a skill, says where they want to go, reads why a course is recommended and
// adds it to their plan (which enrols them with the reason); their manager then rates the same
// skill on the employee's profile.
test('an employee grows from My growth, and the manager rates the same skill', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'employee');
  const me = await callApi<{ personId: string }>(page, 'GET', '/auth/me');
  await page.goto('/skills');
  await expect(page.getByRole('heading', { level: 1, name: 'My growth' })).toBeVisible();

  // Rate the first skill of the profile.
  const skills = page.getByRole('region', { name: 'Skills', exact: true });
  const first = skills.getByRole('article').first();
  const skill = (await first.getAttribute('aria-label'))!;
  await first.getByRole('button', { name: `Rate: ${skill}` }).click();
  const rate = page.getByRole('dialog');
  await rate.getByRole('radio', { name: /^2/ }).check();
  await rate.getByRole('button', { name: 'Save rating' }).click();
  await expect(rate).toBeHidden();
  await first.getByRole('button', { name: `History of ${skill}` }).click();
  // The level history is a chart, summarised for screen readers, with the ratings as a table on demand.
  const history = page.getByRole('dialog');
  await expect(history.getByRole('img', { name: /Current level of .* over time/ })).toBeVisible();
  await expect(history.locator('.recharts-line-curve').first()).toBeVisible();
  await history.getByRole('button', { name: 'Show as table' }).click();
  await expect(history.getByRole('table')).toContainText(/self/i);
  await page.mouse.move(0, 0);
  await expectAccessible(page);
  await snap(page, 'talent-skill-history');
  await page.keyboard.press('Escape');

  // An aspiration in their own words.
  const aspirations = page.getByRole('region', { name: 'Aspirations' });
  await aspirations.getByRole('button', { name: 'Add aspiration' }).click();
  await page.getByRole('dialog').getByLabel('In your own words').fill('Lead a small team within two years');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(aspirations).toContainText('Lead a small team within two years');

  // Skills against the profile at a glance, the same numbers in the rows below.
  await expect(skills.getByRole('img', { name: /levels of \d+ skills? against the levels/ })).toBeVisible();

  // A recommendation says why, and goes into the plan with one click.
  const recommended = page.getByRole('region', { name: 'Recommended for you' });
  const rec = recommended.getByRole('article').first();
  await expect(rec).toBeVisible();
  const course = (await rec.getAttribute('aria-label'))!;
  // Why, in words: a gap against the profile ("expected at 3"), a goal's need ("needed at 3 for one
  // of your goals", or without a level when the goal names none) or an open hurdle.
  await expect(rec).toContainText(/ is (expected at \d|needed( at \d)? for one of your goals|what one of your open hurdles is about); /);
  await expectAccessible(page);
  await snap(page, 'talent-my-growth');
  await rec.getByRole('button', { name: 'Add to my plan' }).click();
  await expect(page.getByRole('region', { name: 'Development plan' })).toContainText(course);
  const learning = await callApi<{ assigned: Array<{ title: string; reasonType: string }>; inProgress: unknown[] }>(page, 'GET', '/me/learning');
  expect(JSON.stringify(learning)).toContain(course);

  // The manager rates the same skill on the employee's profile.
  await signIn(page, 'manager');
  await page.goto(`/people/${me.personId}`);
  const theirSkills = page.getByRole('region', { name: 'Skills', exact: true });
  const same = theirSkills.getByRole('article', { name: skill, exact: true });
  await same.getByRole('button', { name: `Rate as manager: ${skill}` }).click();
  await page.getByRole('dialog').getByRole('radio', { name: /^4/ }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Save rating' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await same.getByRole('button', { name: `History of ${skill}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Show as table' }).click();
  await expect(page.getByRole('dialog').getByRole('table')).toContainText(/manager/i);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  // Closing the dialog puts focus and the pointer back on History; axe judges the resting colours.
  await page.locator('body').focus();
  await page.mouse.move(0, 0);
  await expectAccessible(page);
  await snap(page, 'talent-manager-profile');

  // Job profiles and the career map.
  // The career map: roles as nodes, paths as arrows; Enter on a focused role opens it with Compare me.
  await page.goto('/careers');
  await expect(page.getByRole('heading', { level: 1, name: 'Career map' })).toBeVisible();
  const map = page.locator('.react-flow');
  await expect(map.locator('.react-flow__node').first()).toBeVisible();
  await expect(map.locator('.react-flow__edge').first()).toBeAttached();
  await expect(map.getByRole('button', { name: /My role/ })).toHaveCount(1);
  await expectAccessible(page);
  await snap(page, 'talent-career-map');
  const role = map.getByRole('button', { name: /My role/ });
  await role.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: /Compare me/ })).toBeVisible();
  await expect(drawer).toContainText(/expected/);
  await expectAccessible(page);
  await snap(page, 'talent-career-role');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  // The list view carries the same paths as text.
  await page.getByText('List', { exact: true }).click();
  await expect(page.getByText(/Next steps:/).first()).toBeVisible();
  await expectAccessible(page);
});

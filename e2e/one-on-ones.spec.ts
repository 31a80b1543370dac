import { expect, test, type Page } from '@playwright/test';
import { callApi } from './support/api.ts';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

const nameOf = async (page: Page) => (await callApi<{ name: string }>(page, 'GET', 'auth/me')).name;
const point = (page: Page, text: string) => page.getByTestId('talking-point').filter({ hasText: text });

test('manager and report prepare a 1:1 together; held with a point left carries it over; learning assigned from a point shows on My learning', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36).slice(-5);
  const managerPoint = `Quarter priorities ${tag}`;
  const sharedPoint = `I want to present at the all-hands ${tag}`;
  const privatePoint = `Thinking about a team change ${tag}`;
  const action = `Send the all-hands slot dates ${tag}`;

  // The demo manager opens the 1:1 with the demo employee and adds a point.
  const eCtx = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const e = await eCtx.newPage();
  await signIn(e, 'employee');
  const employeeName = await nameOf(e);
  await signIn(page, 'manager');
  const managerName = await nameOf(page);

  await page.goto('/one-on-ones');
  await expect(page.getByRole('heading', { name: '1:1s', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: `1:1 with ${employeeName}` })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'one-on-ones-list');
  await page.getByRole('tab', { name: 'Cadence' }).click();
  await expect(page.getByLabel('No 1:1 held in the last (weeks)')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('tab', { name: 'My 1:1s' }).click();
  await page.getByRole('button', { name: 'Start a 1:1' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Start a 1:1' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('dialog', { name: 'Start a 1:1' }).getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('link', { name: `1:1 with ${employeeName}` }).click();
  await expect(page.getByRole('heading', { name: `1:1 with ${employeeName}`, level: 1 })).toBeVisible();
  // The demo's point not reached last time is on this meeting, marked as carried over.
  await expect(point(page, 'I would like to get better at SQL').getByText('Carried over')).toBeVisible();
  await page.getByLabel('Add a talking point').fill(managerPoint);
  await page.getByRole('button', { name: 'Add point' }).click();
  await expect(point(page, managerPoint)).toBeVisible();
  await expectAccessible(page);

  // The employee, in a browser of their own at phone width, adds a private and a shared point.
  await e.goto('/one-on-ones');
  await e.getByRole('link', { name: `1:1 with ${managerName}` }).click();
  await expect(point(e, managerPoint)).toBeVisible();
  await e.getByLabel('Add a talking point').fill(privatePoint);
  await e.getByRole('switch', { name: /Private: only you see this/ }).check();
  await e.getByRole('button', { name: 'Add point' }).click();
  await expect(point(e, privatePoint).getByText('Only you see this')).toBeVisible();
  await e.getByRole('switch', { name: /Private: only you see this/ }).uncheck();
  await e.getByLabel('Add a talking point').fill(sharedPoint);
  await e.getByRole('button', { name: 'Add point' }).click();
  await expect(point(e, sharedPoint)).toBeVisible();
  await expect(point(e, sharedPoint).getByText('Only you see this')).toHaveCount(0);
  await expectAccessible(e);
  await snap(e, 'one-on-one-series-mobile');

  // The manager sees the shared point and not the private one.
  await page.reload();
  await expect(point(page, sharedPoint)).toBeVisible();
  await expect(page.getByText(privatePoint)).toHaveCount(0);

  // An action item from the shared point, left open.
  await point(page, sharedPoint).getByRole('button', { name: /^Actions for:/ }).click();
  await page.getByRole('menuitem', { name: 'Add an action item' }).click();
  const actionDialog = page.getByRole('dialog', { name: 'Add an action item' });
  await actionDialog.getByLabel('Add an action item').fill(action);
  await actionDialog.getByRole('button', { name: 'Add action' }).click();
  await expect(actionDialog).toBeHidden();
  const actionRow = page.getByTestId('action-item').filter({ hasText: action });
  await expect(actionRow.getByText(`From: “${sharedPoint}”`)).toBeVisible();

  // The manager assigns a course from the shared point: the first one the employee is not enrolled in yet.
  await point(page, sharedPoint).getByRole('button', { name: /^Actions for:/ }).click();
  await page.getByRole('menuitem', { name: 'Assign learning' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign learning from this point' });
  await expect(assign).toBeVisible();
  // The actions menu fades out as the dialog opens: axe judges the page once it has gone.
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expectAccessible(page);
  let course = '';
  for (let i = 0; i < 10; i++) {
    const picker = assign.getByRole('combobox', { name: 'Course or program' });
    await picker.click();
    await picker.fill('');
    const option = page.getByRole('option').nth(i);
    await expect(option).toBeVisible();
    course = (await option.innerText()).trim().replace(/ \(program\)$/, '');
    await option.click();
    await assign.getByRole('button', { name: 'Assign' }).click();
    await expect(assign.getByText(/is enrolled\.|is already enrolled/).first()).toBeVisible();
    if (await assign.getByText(/is enrolled\./).isVisible()) break;
    // Already enrolled: start again with the next course.
    await assign.getByRole('button', { name: 'Done' }).click();
    await point(page, sharedPoint).getByRole('button', { name: /^Actions for:/ }).click();
    await page.getByRole('menuitem', { name: 'Assign learning' }).click();
  }
  await expect(assign.getByText(`${employeeName} is enrolled. My learning shows it with the reason “Agreed in a 1:1”.`)).toBeVisible();
  await snap(page, 'one-on-one-assign-learning');
  await assign.getByRole('button', { name: 'Done' }).click();

  // Held with the manager's point discussed and the shared one not: it carries over, and so does the open action.
  await page.getByRole('checkbox', { name: `Discussed: ${managerPoint}` }).check();
  await expect(point(page, managerPoint).getByText('Discussed', { exact: true })).toBeVisible();
  const before = await page.getByRole('heading', { name: /^Next meeting:/ }).innerText();
  await page.getByRole('button', { name: 'Mark held' }).click();
  await expect(page.getByRole('heading', { name: /^Next meeting:/ })).not.toHaveText(before);
  await expect(point(page, sharedPoint).getByText('Carried over')).toBeVisible();
  await expect(point(page, managerPoint)).toHaveCount(0);
  await expect(page.getByTestId('action-item').filter({ hasText: action }).getByText(/Carried forward/)).toBeVisible();
  // The held meeting is in the history, with the discussed point.
  const held = page.getByRole('region', { name: 'Past meetings' });
  await held.getByRole('button').first().click();
  await expect(held.getByText(managerPoint)).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'one-on-one-series');

  // The employee's private point carried over too, still theirs only.
  await e.reload();
  await expect(point(e, privatePoint).getByText('Carried over')).toBeVisible();
  await expect(point(e, privatePoint).getByText('Only you see this')).toBeVisible();

  // My learning shows the course with its reason.
  await e.goto('/learning');
  const card = e.getByRole('article', { name: course }).first();
  await expect(card).toContainText('Agreed in a 1:1');
  await expectAccessible(e);
  await eCtx.close();
});

test('HR admins keep the topic bank; its topics are offered when preparing a 1:1', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const topic = `What should we stop doing? ${Date.now().toString(36).slice(-5)}`;
  await signIn(page, 'hr');
  await page.goto('/admin/one-on-ones');
  await expect(page.getByRole('heading', { name: '1:1 settings', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'Feedback' }).click();
  await page.getByRole('textbox', { name: 'Topic', exact: true }).fill(topic);
  await page.getByRole('button', { name: 'Add topic' }).click();
  const feedback = page.getByRole('region', { name: 'Feedback' });
  await expect(feedback.getByText(topic)).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'one-on-ones-admin');
  await feedback.getByRole('button', { name: `Edit topic ${topic}` }).click();
  await feedback.getByRole('textbox', { name: 'Topic', exact: true }).fill(`${topic}?`);
  await feedback.getByRole('button', { name: 'Save' }).click();
  await expect(feedback.getByText(`${topic}?`)).toBeVisible();
  await feedback.getByRole('button', { name: `Archive topic ${topic}?` }).click();
  await expect(feedback.getByText(`${topic}?`)).toHaveCount(0);
  await page.getByLabel('Show archived topics').check();
  await expect(feedback.getByTestId('topic-row').filter({ hasText: `${topic}?` }).getByText('Archived')).toBeVisible();
  await feedback.getByRole('button', { name: `Restore topic ${topic}?` }).click();
  await expect(feedback.getByTestId('topic-row').filter({ hasText: `${topic}?` }).getByText('Archived')).toHaveCount(0);

  // The employee sees it among the suggestions of their 1:1.
  const ctx = await browser.newContext();
  const e = await ctx.newPage();
  await signIn(e, 'employee');
  await e.goto('/one-on-ones');
  await e.getByRole('link', { name: /^1:1 with / }).first().click();
  const suggestions = e.getByRole('combobox', { name: 'Suggested topics' });
  await suggestions.click();
  await suggestions.fill(topic.slice(0, 20));
  await e.getByRole('option', { name: `${topic}?` }).click();
  await expect(e.getByLabel('Add a talking point')).toHaveValue(`${topic}?`);
  const employeeName = await nameOf(e);
  await ctx.close();

  // HR starts a 1:1 with the employee (a person picker, cadence, first meeting, duration), then ends it.
  await page.goto('/one-on-ones');
  await page.getByRole('button', { name: 'Start a 1:1' }).first().click();
  const start = page.getByRole('dialog', { name: 'Start a 1:1' });
  await start.getByRole('button', { name: 'Start 1:1' }).click();
  await expect(start.getByText('Choose who you meet')).toBeVisible();
  const picker = start.getByRole('combobox', { name: 'With' });
  await picker.fill(employeeName.split(' ')[0]!);
  await page.getByRole('option', { name: new RegExp(`^${employeeName}`) }).click();
  await start.getByRole('combobox', { name: 'How often' }).click();
  await page.getByRole('option', { name: 'Every two weeks' }).click();
  await start.getByLabel('Duration (minutes)').fill('45');
  await start.getByRole('button', { name: 'Start 1:1' }).click();
  await expect(page.getByRole('heading', { name: `1:1 with ${employeeName}`, level: 1 })).toBeVisible();
  await expect(page.getByText('Every two weeks · 45 min', { exact: false })).toBeVisible();
  await expect(page.getByText('No talking points yet.', { exact: false })).toBeVisible();
  const ics = await page.request.get(await page.getByRole('link', { name: 'Download .ics' }).getAttribute('href').then((h) => new URL(h!, page.url()).href));
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain('BEGIN:VEVENT');
  await page.getByRole('button', { name: 'End series' }).click();
  await page.getByRole('dialog', { name: 'End this 1:1 series?' }).getByRole('button', { name: 'End series' }).click();
  await expect(page.getByText(/This series ended on/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark held' })).toHaveCount(0);
});

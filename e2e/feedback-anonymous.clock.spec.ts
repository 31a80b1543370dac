import { expect, test, type Page } from '@playwright/test';
import { callApi, uniqueTitle } from './support/api.ts';
import { signedInAs, signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { expectNotice } from './support/notice.ts';
import { mailTo } from './support/mail.ts';
import { snap } from './support/screenshot.ts';

// Moves the server's clock a day forward (the next day's release of anonymous feedback), so it runs
// in the "clock" project after every other journey (playwright.config.ts). The clock only goes
// forward, as in the compliance journey: a re-run answers a request of its own on the new "now".
//
// Only the five demo accounts can sign in. The giver is the learning admin: the demo seeds named
// feedback to the employee from their manager, so the manager's name is on the receiver's page
// anyway, and "the giver's name is nowhere on the page" could not be asked of them.

const nameOf = async (page: Page) => (await callApi<{ name: string }>(page, 'GET', 'auth/me')).name;

test('anonymous feedback reaches its receiver the next day without a trace of its giver', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const message = uniqueTitle('Before my review: how did the launch go?');
  const keepDoing = uniqueTitle('Keep writing those clear launch notes');
  const doBetter = 'Ask for help earlier when a deadline slips.';

  // HR makes sure the organisation lets feedback be anonymous where a request allows it.
  await signIn(page, 'hr');
  await page.goto('/admin/feedback');
  const allow = page.getByRole('switch', { name: 'Allow anonymous answers where a request allows them' });
  await expect(allow).toBeVisible();
  if (!(await allow.isChecked())) {
    await allow.click();
    await expect(allow).toBeChecked();
  }
  await expectAccessible(page);

  const giver = await signedInAs(browser, baseURL, 'learning');
  const giverName = await nameOf(giver);

  // The employee asks the giver for feedback on themself, allowing anonymous answers.
  await signIn(page, 'employee');
  const receiverName = await nameOf(page);
  await page.goto('/feedback?tab=requests');
  await page.getByRole('button', { name: 'Request feedback' }).click();
  const ask = page.getByRole('dialog', { name: 'Request feedback' });
  const who = ask.getByRole('combobox', { name: 'Who should answer?' });
  await who.fill(giverName);
  await page.getByRole('option', { name: new RegExp(`^${giverName}`) }).click();
  await expect(ask.getByLabel('People asked')).toContainText(giverName);
  await ask.getByLabel('Message (optional)').fill(message);
  await ask.getByRole('checkbox', { name: 'Allow anonymous answers' }).check();
  await expectAccessible(page);
  await ask.getByRole('button', { name: 'Send request' }).click();
  await expect(ask).toBeHidden();
  await expectNotice(page, 'Request sent');

  // The giver answers it anonymously.
  await giver.goto('/feedback?tab=to-answer');
  const card = giver.locator('.mantine-Card-root').filter({ hasText: message });
  await expect(card).toContainText(`${receiverName} asks for your feedback`);
  await expect(card).toContainText('you may answer anonymously');
  await card.getByRole('button', { name: 'Answer' }).click();
  const answer = giver.getByRole('dialog', { name: `Feedback for ${receiverName}` });
  await answer.getByLabel('What should I keep doing?').fill(keepDoing);
  await answer.getByLabel('What could I do better?').fill(doBetter);
  await answer.getByRole('checkbox', { name: 'Answer anonymously' }).check();
  await expectAccessible(giver);
  await answer.getByRole('button', { name: 'Send feedback' }).click();
  await expect(answer).toBeHidden();
  await expectNotice(giver, 'Sent anonymously. It reaches them tomorrow, without your name.');
  await expect(giver.getByText(message)).toBeHidden();
  await giver.goto('/feedback?tab=received');
  // Not even its giver finds it again.
  // A segmented control hides its radio inputs under their labels: the label is what a user clicks.
  await giver.getByRole('radiogroup', { name: 'Which feedback' }).getByText('Given', { exact: true }).click();
  await expect(giver.getByRole('radio', { name: 'Given' })).toBeChecked();
  await expect(giver.getByText('You have not given named feedback yet.').or(giver.getByRole('article')).first()).toBeVisible();
  await expect(giver.getByText(keepDoing)).toHaveCount(0);

  // Today the receiver has nothing new.
  await page.goto('/feedback?tab=received');
  await expect(page.getByRole('radiogroup', { name: 'Which feedback' })).toBeVisible();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByText(keepDoing)).toHaveCount(0);

  // The next day the release delivers it (the clock endpoint runs the release of each day that ended).
  const since = new Date();
  const admin = await signedInAs(browser, baseURL, 'admin');
  await callApi(admin, 'POST', 'testing/clock', { days: 1 });
  await admin.context().close();

  await signIn(page, 'employee');
  await page.goto('/feedback?tab=received');
  const received = page.getByRole('article').filter({ hasText: keepDoing });
  await expect(received).toBeVisible();
  await expect(received).toContainText(doBetter);
  await expect(received.getByText('Anonymous', { exact: true })).toBeVisible();
  // No name, no avatar, no time of day: the day only.
  await expect(received.getByRole('img')).toHaveCount(0);
  await expect(received.locator('.mantine-Avatar-root')).toHaveCount(0);
  expect(await received.innerText()).not.toMatch(/\d{1,2}:\d{2}/);
  expect(await received.innerText()).not.toContain(giverName);
  expect(await page.locator('body').innerText()).not.toContain(giverName);
  await expectAccessible(page);
  await snap(page, 'feedback-anonymous-received');

  // The notification says so, without the giver.
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await bell.click();
  const notice = page.getByRole('dialog').filter({ hasText: 'You received anonymous feedback' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('link', { name: 'You received anonymous feedback' }).first()).toBeVisible();
  expect(await notice.innerText()).not.toContain(giverName);
  expect(await page.locator('body').innerText()).not.toContain(giverName);
  await expectAccessible(page);
  await snap(page, 'feedback-anonymous-notification');

  // The email says the same, and nothing about who.
  const mail = await mailTo(baseURL, 'employee@acme.example', { since, subject: /anonymous feedback/i });
  expect(mail.text).not.toContain(giverName);
  expect(mail.html ?? '').not.toContain(giverName);

  // The request shows how many answered, not who.
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Requests I made' }).click();
  const request = page.locator('.mantine-Card-root').filter({ hasText: `${giverName}` }).filter({ hasText: 'answers may be anonymous' }).first();
  await expect(request).toContainText('1 of 1 answered');
  await expect(request).not.toContainText(`${giverName} (answered)`);
  await giver.context().close();
});

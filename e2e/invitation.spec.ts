import { expect, test } from '@playwright/test';
import { callApi } from './support/api.ts';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { linkIn, mailTo } from './support/mail.ts';
import { snap } from './support/screenshot.ts';

// An HR admin invites someone without an account; the invitation reaches the person's mailbox
// (the e2e server's SMTP sink) and they follow its link. The admin's mail outbox lists the email
// with the link hidden: reading it there must not let anyone else sign in as them.
test('HR invites a person, who accepts from the emailed link and is signed in', async ({ page, browser, baseURL }) => {
  // Three sign-ins and two accessibility checks: over 30 s on a busy two-core machine.
  test.setTimeout(90_000);
  await signIn(page, 'hr');
  const people = await callApi<{ data: { email: string; firstName: string; lastName: string }[] }>(page, 'GET', 'people?q=Chidi');
  const chidi = people.data.find((p) => p.firstName === 'Chidi' && p.lastName === 'Ali')!;
  expect(chidi, 'the demo has Chidi Ali').toBeTruthy();
  const since = new Date();
  await page.goto('/admin/people');
  await page.getByRole('textbox', { name: 'Search', exact: true }).fill('Chidi');
  const row = page.getByRole('row').filter({ hasText: 'Chidi Ali' });
  await row.getByRole('button', { name: 'Edit' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: /Invite to sign in|Resend invitation|Send a new invitation/ }).click();
  await expect(page.getByText(/Invitation sent to/)).toBeVisible();
  await snap(page, 'invite-sent');

  const mail = await mailTo(baseURL, chidi.email, { since, subject: /You are invited to Acme Corporation/ });
  const link = linkIn(mail, '/accept-invitation');
  expect(link.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{20,}$/);

  await signIn(page, 'admin');
  await page.goto('/admin/mail-outbox');
  await page.getByRole('textbox', { name: 'Search' }).fill(chidi.email);
  const sent = page.getByRole('row').filter({ hasText: /You are invited to Acme Corporation/ }).first();
  await expect(sent).toContainText('sent');
  await sent.getByRole('button', { name: /You are invited to Acme Corporation/ }).click();
  // The message opens before its body has loaded: wait for the body before reading it.
  const dialog = page.getByRole('dialog', { name: /You are invited to Acme Corporation/ });
  await expect(dialog).toContainText('/accept-invitation?token=[link hidden]');
  await expect(dialog).toContainText('The sign-in link is hidden');
  await expect(dialog).not.toContainText(link.searchParams.get('token')!);
  await expectAccessible(page);
  await snap(page, 'mail-outbox-invitation');

  // A new browser context: the invitee has no session of their own yet.
  const context = await browser.newContext({ baseURL });
  const invitee = await context.newPage();
  await invitee.goto(link.pathname + link.search);
  await expect(invitee.getByText(/invited to join Acme Corporation/)).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel('New password').fill('a-brand-new-password');
  await invitee.getByLabel('Confirm password').fill('a-brand-new-password');
  await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
  await expect(invitee.getByRole('heading', { name: 'Welcome, Chidi' })).toBeVisible();
  await snap(invitee, 'invitation-accepted');
  await context.close();
});

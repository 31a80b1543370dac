import { expect, test } from '@playwright/test';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

// An HR admin invites someone without an account; with no SMTP server configured the email lands
// in the mail outbox, where an admin reads the link the new person then follows.
test('HR invites a person, who accepts from the emailed link and is signed in', async ({ page, browser, baseURL }) => {
  // Three sign-ins and two accessibility checks: over 30 s on a busy two-core machine.
  test.setTimeout(60_000);
  await signIn(page, 'hr');
  await page.goto('/admin/people');
  await page.getByRole('textbox', { name: 'Search', exact: true }).fill('Chidi');
  const row = page.getByRole('row').filter({ hasText: 'Chidi Ali' });
  await row.getByRole('button', { name: 'Edit' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: /Invite to sign in|Resend invitation|Send a new invitation/ }).click();
  await expect(page.getByText(/Invitation sent to/)).toBeVisible();
  await snap(page, 'invite-sent');

  await signIn(page, 'admin');
  await page.goto('/admin/mail-outbox');
  await page.getByRole('button', { name: /You are invited to Acme Corporation/ }).first().click();
  // The message opens before its body has loaded: wait for the link before reading it.
  const dialog = page.getByRole('dialog', { name: /You are invited to Acme Corporation/ });
  await expect(dialog).toContainText('/accept-invitation?token=');
  const message = await dialog.textContent();
  const link = /https?:\/\/\S+\/accept-invitation\?token=[A-Za-z0-9_-]+/.exec(message ?? '')?.[0];
  expect(link, 'the invitation email holds a link').toBeTruthy();
  await expectAccessible(page);
  await snap(page, 'mail-outbox-invitation');

  // A new browser context: the invitee has no session of their own yet.
  const context = await browser.newContext({ baseURL });
  const invitee = await context.newPage();
  await invitee.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(invitee.getByText(/invited to join Acme Corporation/)).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel('New password').fill('a-brand-new-password');
  await invitee.getByLabel('Confirm password').fill('a-brand-new-password');
  await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
  await expect(invitee.getByRole('heading', { name: 'Welcome, Chidi' })).toBeVisible();
  await snap(invitee, 'invitation-accepted');
  await context.close();
});

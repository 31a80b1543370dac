import { expect, test, type Browser, type Page } from '@playwright/test';
import { callApi } from './support/api.ts';
import { signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { linkIn, mailTo } from './support/mail.ts';
import { expectNotice } from './support/notice.ts';
import { snap } from './support/screenshot.ts';

// The journey makes its own team, so neither the demo's people nor other journeys change what it
// sees: a department holding only the employee (the cycle's one participant), their manager and a
// peer outside it, each invited and signed in with a password of their own.

type Person = { id: string; name: string; email: string };
const PASSWORD = 'review-journey-password';

// A step that cannot find its control fails in seconds rather than at the end of the long journey.
test.use({ actionTimeout: 15_000 });

async function invite(hr: Page, browser: Browser, baseURL: string | undefined, p: { id: string; email: string }, viewport?: { width: number; height: number }) {
  const since = new Date();
  await callApi(hr, 'POST', `people/${p.id}/invitation`);
  const link = linkIn(await mailTo(baseURL, p.email, { since, subject: /You are invited to/ }), '/accept-invitation');
  const context = await browser.newContext({ baseURL, ...(viewport && { viewport }) });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await callApi(page, 'POST', `auth/links/${link.searchParams.get('token')}/complete`, { password: PASSWORD });
  return page;
}

/** Moves the cycle one phase on from its page, through the confirmation. */
async function movePhase(hr: Page, to: string) {
  await hr.getByRole('button', { name: `Move to ${to}` }).click();
  await hr.getByRole('dialog').getByRole('button', { name: `Move to ${to}` }).click();
  await expectNotice(hr, `The cycle is in ${to} now.`);
  await expect(hr.getByText(to[0]!.toUpperCase() + to.slice(1), { exact: true }).first()).toBeVisible();
}

/** Answers the form's rating and text questions and submits it. */
async function writeAndSubmit(page: Page, rating: string, text: string, extra?: (page: Page) => Promise<void>) {
  await page.getByRole('radio', { name: rating }).check();
  await page.getByLabel('What went well?').fill(text);
  if (extra) await extra(page);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Submit review' }).click();
  await expectNotice(page, 'Review submitted.');
  await expect(page.getByText(/It is read-only now/)).toBeVisible();
}

test('HR builds a template and launches a cycle with peers; peers are nominated and approved; everyone writes; the manager releases and the employee acknowledges', async ({ page, browser, baseURL }) => {
  test.setTimeout(420_000);
  const tag = Date.now().toString(36).slice(-6);
  const hr = page;
  await signIn(hr, 'hr');

  // Setup through the API: the team and its accounts.
  const dept = await callApi<{ id: string; name: string }>(hr, 'POST', 'departments', { name: `Review journey ${tag}` });
  const make = async (firstName: string, lastName: string, extra: Record<string, unknown> = {}): Promise<Person> => {
    const email = `${firstName.toLowerCase()}.${tag}@reviews.example`;
    const p = await callApi<{ id: string }>(hr, 'POST', 'people', { email, firstName, lastName: `${lastName} ${tag}`, jobTitle: 'Analyst', ...extra });
    return { id: p.id, name: `${firstName} ${lastName} ${tag}`, email };
  };
  const manager = await make('Marta', 'Okafor');
  const employee = await make('Emil', 'Sandoval', { departmentId: dept.id, managerId: manager.id });
  const peer = await make('Priya', 'Lindqvist', { managerId: manager.id });
  const m = await invite(hr, browser, baseURL, manager);
  const e = await invite(hr, browser, baseURL, employee, { width: 375, height: 800 });
  const p = await invite(hr, browser, baseURL, peer);

  // HR builds a template: peers answer the rating and the text too; a note for HR only; the score weighs three parts.
  const templateName = `Half-year form ${tag}`;
  await hr.goto('/admin/reviews');
  await expect(hr.getByRole('heading', { name: 'Review cycles', level: 1 })).toBeVisible();
  await expectAccessible(hr);
  await hr.getByRole('link', { name: 'New template' }).click();
  await expect(hr.getByRole('heading', { name: 'New review template', level: 1 })).toBeVisible();
  await hr.getByRole('textbox', { name: /^Name/ }).fill(templateName);
  for (const n of ['1.1', '1.2']) await hr.getByRole('group', { name: `Question ${n}`, exact: true }).getByRole('checkbox', { name: 'Peer' }).check();
  await hr.getByRole('button', { name: 'Add a question to section 1' }).click();
  const note = hr.getByRole('group', { name: 'Question 1.3', exact: true });
  await note.getByRole('textbox', { name: /^Question 1\.3/ }).fill('Note for HR');
  await note.getByRole('combobox', { name: 'Kind of question 1.3' }).click();
  await hr.getByRole('option', { name: 'Written answer' }).click();
  await note.getByRole('checkbox', { name: 'Self' }).uncheck();
  await note.getByRole('switch', { name: 'Required' }).uncheck();
  await note.getByRole('switch', { name: 'Shown to the person reviewed' }).uncheck();
  await hr.getByLabel('Weight of part 1').fill('60');
  await hr.getByRole('button', { name: 'Add a part' }).click();
  await hr.getByLabel('Weight of part 2').fill('10');
  await hr.getByRole('button', { name: 'Add a part' }).click();
  await hr.getByLabel('Weight of part 3').fill('30');
  // Parts are added as the ones not yet used, in order: manager, then self, then peer.
  await expect(hr.getByTestId('formula-preview')).toHaveText('Manager 60 % · Self 10 % · Peer 30 %');
  await expectAccessible(hr);
  await snap(hr, 'reviews-template-builder');
  await hr.getByRole('button', { name: 'Create template' }).click();
  await expectNotice(hr, 'Template created.');
  await expect(hr.getByRole('heading', { name: templateName, level: 1 })).toBeVisible();

  // HR sets up the cycle: the journey's department, peers 1 to 2; previews, then launches.
  const cycleName = `Mid-year ${tag}`;
  await hr.goto('/admin/reviews');
  await hr.getByRole('link', { name: 'New cycle' }).click();
  await hr.getByRole('textbox', { name: /^Name/ }).fill(cycleName);
  await hr.getByRole('combobox', { name: /^Template/ }).click();
  await hr.getByRole('option', { name: templateName }).click();
  await hr.getByRole('checkbox', { name: 'Peers, nominated and approved' }).check();
  await hr.getByLabel('Fewest peers').fill('1');
  await hr.getByLabel('Most peers').fill('2');
  await hr.getByLabel('Nominations end on').fill('2027-01-10');
  await hr.getByLabel('Writing ends on').fill('2027-01-31');
  await hr.getByRole('combobox', { name: 'Departments' }).click();
  await hr.getByRole('option', { name: dept.name }).click();
  await hr.keyboard.press('Escape');
  await expectAccessible(hr);
  await hr.getByRole('button', { name: 'Create cycle' }).click();
  await expectNotice(hr, 'Cycle created as a draft.');
  await expect(hr.getByRole('heading', { name: cycleName, level: 1 })).toBeVisible();
  const cycleId = new URL(hr.url()).pathname.split('/').at(-1)!;
  await hr.getByRole('button', { name: 'Preview participants' }).click();
  const preview = hr.getByRole('status').filter({ hasText: '1 person would take part' });
  await expect(preview).toContainText(employee.name);
  await expectAccessible(hr);
  await snap(hr, 'reviews-cycle-dry-run');
  await hr.getByRole('button', { name: 'Launch', exact: true }).click();
  await hr.getByRole('dialog', { name: `Launch ${cycleName}?` }).getByRole('button', { name: 'Launch' }).click();
  await expectNotice(hr, 'Launched for 1 person: 2 reviews to write.');
  await expect(hr.getByRole('button', { name: 'Move to writing' })).toBeVisible();

  // The employee, on a phone, nominates the peer.
  await e.goto('/reviews');
  const nominations = e.getByRole('region', { name: `Your peer reviewers: ${cycleName}` });
  await expect(nominations).toBeVisible();
  const picker = nominations.getByRole('combobox', { name: 'Nominate peers' });
  await picker.click();
  await picker.fill(peer.email.split('@')[0]!);
  await e.getByRole('option', { name: peer.name }).click();
  await e.keyboard.press('Escape');
  await nominations.getByRole('button', { name: 'Nominate', exact: true }).click();
  await expect(nominations.getByTestId('nomination').filter({ hasText: peer.name })).toContainText('Waiting for approval');
  await expectAccessible(e);
  await snap(e, 'reviews-nominate-mobile');

  // The manager finds the report under My team's reviews and approves the nomination.
  await m.goto('/reviews');
  await m.getByRole('region', { name: "My team's reviews", exact: true }).getByRole('link', { name: employee.name }).click();
  await expect(m.getByRole('heading', { name: `Reviews of ${employee.name}`, level: 1 })).toBeVisible();
  await m.getByRole('button', { name: `Approve ${peer.name}` }).click();
  await expect(m.getByTestId('nomination').filter({ hasText: peer.name })).toContainText('Approved');
  await expectAccessible(m);
  await snap(m, 'reviews-approve-nomination');

  // HR opens writing: the approved peer now has a review to write.
  await movePhase(hr, 'writing');

  // The employee writes the self-review: Submit first shows what is missing, then it goes.
  await e.goto('/reviews');
  await e.getByRole('link', { name: 'Write your self-review' }).click();
  await expect(e.getByRole('heading', { name: 'Your self-review', level: 1 })).toBeVisible();
  await e.getByRole('radio', { name: '4 · Exceeds' }).check();
  await expect(e.getByTestId('save-state')).toHaveText('Saved');
  await e.getByRole('button', { name: 'Submit review' }).click();
  await expect(e.getByRole('alert').filter({ hasText: 'Answer these before you submit' })).toContainText('What went well?');
  await expectAccessible(e);
  await snap(e, 'reviews-write-missing-mobile');
  await writeAndSubmit(e, '4 · Exceeds', 'Shipped the forecasting model.');

  // The peer writes, anonymously.
  await p.goto('/reviews');
  await p.getByRole('link', { name: `Write the review of ${employee.name}` }).click();
  await expect(p.getByText(/This review is anonymous/)).toBeVisible();
  await writeAndSubmit(p, '5 · Outstanding', 'Always explains the numbers.');

  // The manager writes, with a note only HR and the chain read.
  await m.goto('/reviews');
  await m.getByRole('link', { name: `Write the review of ${employee.name}` }).click();
  await writeAndSubmit(m, '3 · Meets expectations', 'A steady half-year.', async (page) => {
    await page.getByLabel('Note for HR (optional)').fill(`Ready for a bigger scope ${tag}`);
  });
  await expectAccessible(m);
  await snap(m, 'reviews-manager-submitted');

  // HR follows progress, then moves through calibration to sharing.
  await hr.reload();
  await expect(hr.getByRole('region', { name: 'Progress', exact: true })).toContainText('3 submitted');
  await expectAccessible(hr);
  await snap(hr, 'reviews-cycle-progress');
  // HR's pages on a phone: the cycle and the list of cycles.
  await hr.setViewportSize({ width: 375, height: 800 });
  await expect(hr.getByRole('region', { name: 'Progress', exact: true })).toBeVisible();
  await expectAccessible(hr);
  await snap(hr, 'reviews-cycle-mobile');
  await hr.getByRole('link', { name: 'Back to review cycles' }).click();
  await expect(hr.getByRole('link', { name: cycleName })).toBeVisible();
  await expectAccessible(hr);
  await hr.getByRole('link', { name: cycleName }).click();
  await hr.setViewportSize({ width: 1280, height: 720 });
  await movePhase(hr, 'calibration');
  await movePhase(hr, 'sharing');
  await expect(hr.getByRole('button', { name: 'Share all reviews' })).toBeEnabled();

  // The manager releases the employee's reviews.
  await m.goto(`/reviews/cycles/${cycleId}/people/${employee.id}`);
  await expect(m.getByText(`Ready for a bigger scope ${tag}`)).toBeVisible();
  await m.getByRole('button', { name: `Release to ${employee.name}` }).click();
  await expectNotice(m, `Shared with ${employee.name}.`);

  // The employee reads the shared view: the manager's answers with their name, the lone peer's
  // withheld (below the anonymity minimum), the HR note nowhere; then acknowledges.
  await e.goto('/reviews');
  await e.getByRole('region', { name: 'Shared with me', exact: true }).getByRole('link', { name: cycleName }).click();
  await expect(e.getByRole('heading', { name: 'Your review', level: 1 })).toBeVisible();
  await expect(e.getByTestId('result-answer').filter({ hasText: 'A steady half-year.' })).toContainText(manager.name);
  await expect(e.getByText(/Fewer than 3 peers answered/).first()).toBeVisible();
  await expect(e.getByText('Always explains the numbers.')).toHaveCount(0);
  await expect(e.getByText(`Ready for a bigger scope ${tag}`)).toHaveCount(0);
  await e.getByLabel('Comment (optional)').fill('Thanks, a fair read.');
  await e.getByRole('button', { name: 'Acknowledge' }).click();
  await expectNotice(e, 'Acknowledged. Your manager is told.');
  await expect(e.getByText(/You acknowledged this review on/)).toBeVisible();
  await expectAccessible(e);
  await snap(e, 'reviews-shared-acknowledged-mobile');

  // The manager reads the acknowledgement and the comment.
  await m.reload();
  await expect(m.getByRole('region', { name: 'Sharing', exact: true })).toContainText('Acknowledged on');
  await expect(m.getByText('Thanks, a fair read.')).toBeVisible();

  for (const x of [m, e, p]) await x.context().close();
});

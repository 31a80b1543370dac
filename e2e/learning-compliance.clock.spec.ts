import { expect, test } from '@playwright/test';
import { callApi, publishCourse, uniqueTitle } from './support/api.ts';
import { signedInAs, signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

// Moves the server's clock, so it runs in the "clock" project after every other journey
// (playwright.config.ts). The clock only goes forward: a retry builds its own course and rule
// and completes them at the server's new "now", so it expires them just the same.

const longDate = (iso: string) => new Date(iso).toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric' });

test('a compliance certificate expires as time passes and the learner is enrolled again', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const title = uniqueTitle('Fire safety');
  const ruleName = `${title}: monthly`;
  await signIn(page, 'learning');
  await publishCourse(page, {
    title,
    selfEnrollment: false,
    content: {
      sections: [
        {
          id: 's-1',
          title: 'Essentials',
          lessons: [
            {
              id: 'l-routes',
              title: 'Evacuation routes',
              blocks: [{ id: 'b-1', type: 'text', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Know your two nearest exits.' }] }] } }],
            },
          ],
        },
      ],
    },
  });

  // The learning admin requires it of Product Engineering, valid for a month.
  await page.goto('/admin/compliance');
  await page.getByRole('button', { name: 'New rule' }).click();
  const drawer = page.getByRole('dialog', { name: 'New compliance rule' });
  await drawer.getByRole('textbox', { name: 'Name' }).fill(ruleName);
  await drawer.getByRole('combobox', { name: 'Course' }).fill(title);
  await page.getByRole('option', { name: title }).click();
  await drawer.getByRole('combobox', { name: 'Who must complete it' }).click();
  await page.getByRole('option', { name: 'A department (and its sub-departments)' }).click();
  await drawer.getByRole('combobox', { name: 'Department' }).fill('Product Engineering');
  await page.getByRole('option', { name: 'Product Engineering' }).click();
  await drawer.getByRole('textbox', { name: 'Valid for (months)' }).fill('1');
  await drawer.getByRole('textbox', { name: 'Re-enrol (days before expiry)' }).fill('7');
  await drawer.getByRole('textbox', { name: 'Due (days after enrolment)' }).fill('14');
  await expectAccessible(page);
  await drawer.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.getByText(/Rule created\. \d+ people were enrolled\./)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`^${ruleName}`) })).toContainText('Department: Product Engineering');

  // The employee, in Product Engineering, completes it and gets a certificate valid for a month.
  await signIn(page, 'employee');
  await page.goto('/learning');
  const assigned = page.getByRole('article', { name: title });
  await expect(assigned).toContainText('Why: Required for compliance');
  await assigned.getByRole('link', { name: `Start ${title}` }).click();
  await page.getByRole('button', { name: 'Finish course' }).click();
  const completion = page.getByRole('region', { name: 'Course completed' });
  await expect(completion).toContainText(/It stays valid until/);
  await expect(completion.getByRole('link', { name: 'Download certificate (PDF)' })).toBeVisible();

  const mine = await callApi<{ data: Array<{ title: string; verifyUrl: string; expiresAt: string | null; status: string }> }>(page, 'GET', 'certificates');
  const certificate = mine.data.find((c) => c.title === title)!;
  expect(certificate.status).toBe('valid');
  const verifyPath = new URL(certificate.verifyUrl).pathname;
  await page.goto(verifyPath);
  await expect(page.getByText('Valid', { exact: true })).toBeVisible();
  await expect(page.getByText(`Valid until ${longDate(certificate.expiresAt!)}`)).toBeVisible();

  // Five weeks pass: the nightly work expires the completion and the rule enrols them again.
  const admin = await signedInAs(browser, baseURL, 'admin');
  await callApi(admin, 'POST', 'testing/clock', { days: 35 });
  await admin.context().close();

  await page.reload();
  await expect(page.getByText('Expired', { exact: true })).toBeVisible();
  await expect(page.getByText(`Expired ${longDate(certificate.expiresAt!)}`)).toBeVisible();
  await expect(page.getByText('Camille Becker completed')).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'learning-certificate-expired');

  // A month on, the session may have lapsed: the learner signs in again.
  await signIn(page, 'employee');
  await page.goto('/learning');
  const renewal = page.getByRole('tabpanel', { name: /Assigned/ }).getByRole('article', { name: title });
  await expect(renewal).toContainText('Not started');
  await expect(renewal).toContainText('Why: Required for compliance');
  await expect(renewal).toContainText('Assigned by a compliance rule');
  await page.getByRole('tab', { name: /Completed/ }).click();
  const lapsed = page.getByRole('tabpanel', { name: /Completed/ }).getByRole('article', { name: title });
  await expect(lapsed).toContainText('Expired');
  await expect(lapsed).toContainText(`Expired ${new Date(certificate.expiresAt!).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' })}`);
  await expectAccessible(page);
  await snap(page, 'learning-compliance-renewal');
});

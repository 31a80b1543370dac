import { expect, test } from '@playwright/test';
import { uniqueTitle } from './support/api.ts';
import { signedInAs, signIn } from './support/auth.ts';
import { expectAccessible } from './support/axe.ts';
import { snap } from './support/screenshot.ts';

// The learning admin writes a course with a quiz in the course editor, publishes it and assigns
// it to a smart group with a reason and a due date; a member of the group then finds it in My
// learning, with the reason in words.
test('a learning admin builds a course with a quiz, publishes it and assigns it to a smart group', async ({ page, browser, baseURL }) => {
  // A long journey: two people, a dozen pages, three accessibility checks.
  test.setTimeout(120_000);
  const title = uniqueTitle('Giving useful feedback');
  await signIn(page, 'learning');
  await page.goto('/admin/courses');
  await page.getByRole('button', { name: 'New course' }).click();
  const create = page.getByRole('dialog', { name: 'New course' });
  await create.getByLabel('Title').fill(title);
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await page.getByLabel('Summary').fill('How to give feedback people can act on.');
  await page.getByLabel('Estimated minutes').fill('20');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Details saved')).toBeVisible();

  // Content: a section with a reading lesson and a quiz lesson.
  await page.getByRole('tab', { name: 'Content' }).click();
  await page.getByRole('button', { name: 'Add section' }).click();
  await page.getByLabel('Section 1 title').fill('Feedback that lands');
  await page.getByRole('button', { name: 'Add lesson' }).click();
  await page.getByRole('textbox', { name: 'Lesson title' }).fill('Situation, behaviour, impact');
  await page.getByRole('button', { name: 'Add block' }).click();
  await page.getByRole('menuitem', { name: 'Text' }).click();
  await page.getByRole('textbox', { name: 'Lesson text' }).fill('Describe the situation, the behaviour you saw and its impact.');

  await page.getByRole('button', { name: 'Add lesson' }).click();
  await page.getByRole('textbox', { name: 'Lesson title' }).fill('Check your understanding');
  await page.getByRole('button', { name: 'Add block' }).click();
  await page.getByRole('menuitem', { name: 'Quiz' }).click();
  await page.getByLabel('Pass mark (%)').fill('100');
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('What does the I in SBI stand for?');
  await page.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Impact');
  await page.getByRole('textbox', { name: 'Option 2', exact: true }).fill('Intention');
  await expect(page.getByLabel('Option 1 is correct')).toBeChecked();
  await expectAccessible(page);
  await snap(page, 'learning-editor-quiz');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(/Draft saved/)).toBeVisible();

  // Publish.
  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByRole('button', { name: 'Publish draft' }).click();
  await page.getByRole('dialog', { name: 'Publish the draft' }).getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Version 1 is published')).toBeVisible();
  await expect(page.getByRole('row', { name: /v1 published/ })).toBeVisible();

  // Assign to the "Engineering managers" smart group, with a reason and a due date.
  const dueIso = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const dueText = new Date(`${dueIso}T12:00:00`).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  const assign = page.getByRole('dialog', { name: `Assign ${title}` });
  // A segmented control: its radios are visually hidden behind their labels.
  await assign.getByText('A group', { exact: true }).click();
  await expect(assign.getByRole('radio', { name: 'A group' })).toBeChecked();
  await assign.getByRole('combobox', { name: 'Group' }).click();
  await page.getByRole('option', { name: /^Engineering managers/ }).click();
  await assign.getByRole('combobox', { name: 'Why' }).click();
  await page.getByRole('option', { name: 'Closes a skill gap' }).click();
  await assign.getByLabel('Note for the learner').fill('Feedback came up in your review.');
  await assign.getByLabel('Due date').fill(dueIso);
  await expectAccessible(page);
  await snap(page, 'learning-assign-group');
  await assign.getByRole('button', { name: 'Assign', exact: true }).click();
  const result = assign.getByRole('status');
  await expect(result).toContainText(/[1-9]\d* enrolled, 0 already enrolled/);
  const enrolled = Number(/(\d+) enrolled/.exec((await result.textContent()) ?? '')?.[1]);
  await assign.getByRole('button', { name: 'Done' }).click();

  // The course report counts the enrolments, by the reason given.
  const courseId = new URL(page.url()).pathname.split('/').pop();
  await page.goto(`/admin/learning-reports/${courseId}`);
  await expect(page.getByRole('heading', { name: `Report: ${title}` })).toBeVisible();
  await expect(page.getByRole('row', { name: `Closes a skill gap ${enrolled} 0` })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'learning-report-assigned');

  // The manager, an engineering manager, has it in My learning with the reason and due date.
  const member = await signedInAs(browser, baseURL, 'manager');
  await member.goto('/learning');
  const card = member.getByRole('article', { name: title });
  await expect(card).toContainText('Why: Closes a skill gap — Feedback came up in your review.');
  await expect(card).toContainText(`Due ${dueText}`);
  await expect(card).toContainText('Assigned by Paulina Williams');
  await expectAccessible(member);
  await snap(member, 'learning-assigned-by-group');
  await member.context().close();
});

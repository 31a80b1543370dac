import { expect, type Page } from '@playwright/test';
import type { CourseContent } from '../../src/shared/course-content.ts';

/**
 * Calls the API as the person signed in on `page` (its session cookie). Mutations carry the
 * page's origin, as the web app's own requests do, which is what the server's CSRF check asks.
 * Fails the test on any answer but 2xx, with the server's error in the message.
 */
export async function callApi<T = unknown>(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.fetch(`${origin}/api/v1/${path.replace(/^\//, '')}`, {
    method,
    headers: { origin, accept: 'application/json' },
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await res.text();
  expect(res.ok(), `${method} ${path} answered ${res.status()}: ${text}`).toBe(true);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A title no earlier run or retry has used, so each attempt works on its own course. */
export function uniqueTitle(base: string): string {
  return `${base} ${Date.now().toString(36).slice(-5)}`;
}

type NewCourse = { title: string; format?: 'self_paced' | 'live'; content?: CourseContent; selfEnrollment?: boolean };

/**
 * Creates and publishes a course through the API as the signed-in learning admin (setup for the
 * journeys that are about learners, not authoring); returns its id.
 */
export async function publishCourse(page: Page, course: NewCourse): Promise<string> {
  const { id } = await callApi<{ id: string }>(page, 'POST', 'courses', {
    title: course.title,
    format: course.format ?? 'self_paced',
    selfEnrollment: course.selfEnrollment ?? true,
  });
  const { revision } = await callApi<{ revision: number }>(page, 'GET', `courses/${id}/draft`);
  await callApi(page, 'PUT', `courses/${id}/draft`, { content: course.content ?? { sections: [] }, revision });
  await callApi(page, 'POST', `courses/${id}/publish`, { pushToLearners: false });
  return id;
}

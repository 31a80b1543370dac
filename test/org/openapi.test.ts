import { beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { client } from '../support/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

it('documents the org endpoints in the OpenAPI document', async () => {
  const res = await client(t).get('openapi.json');
  expect(res.status).toBe(200);
  const paths = Object.keys(res.body.paths);
  expect(paths).toEqual(
    expect.arrayContaining([
      '/people',
      '/people/filters',
      '/people/{id}',
      '/people/{id}/deactivate',
      '/people/{id}/reactivate',
      '/people/{id}/reports',
      '/people/{id}/chain',
      '/departments',
      '/departments/{id}',
      '/custom-fields',
      '/custom-fields/{id}',
      '/groups',
      '/groups/preview',
      '/groups/{id}',
      '/groups/{id}/members',
      '/groups/{id}/members/{personId}',
      '/org-chart',
      '/org-chart/path/{id}',
    ]),
  );
  expect(res.body.components.schemas.SmartGroupRule).toBeDefined();
});

import { beforeAll, describe, expect, it } from 'vitest';
import { validateCustomFields } from '../../src/server/modules/org/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { Body } from '../support/client.ts';
import { createPerson } from '../support/factories.ts';
import { orgWithAdmin, personBody } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const details = (res: { body: any }) =>
  Object.fromEntries((res.body.error?.details ?? []).map((d: { path: string; message: string }) => [d.path, d.message]));

async function defineFields(hr: Awaited<ReturnType<typeof orgWithAdmin>>['hr']) {
  const fields: Array<Body<'/custom-fields', 'post'>> = [
    { key: 'cost_center', label: 'Cost center', type: 'text' },
    { key: 'fte', label: 'FTE', type: 'number' },
    { key: 'contract_end', label: 'Contract end', type: 'date' },
    { key: 'tshirt', label: 'T-shirt size', type: 'choice', options: ['S', 'M', 'L'] },
  ];
  for (const body of fields) {
    const res = await hr.post('custom-fields', body);
    expect(res.status).toBe(201);
  }
}

describe('custom field definitions', () => {
  it('defines, lists, relabels and deletes fields', async () => {
    const { org, hr, emp } = await orgWithAdmin(t);
    await defineFields(hr);
    const list = await hr.get('custom-fields');
    expect(list.body.data.map((f: { key: string }) => f.key)).toEqual(['contract_end', 'cost_center', 'fte', 'tshirt']);
    // New fields are HR only until HR says otherwise, so an employee is not even told they exist.
    expect(list.body.data.map((f: { visibility: string }) => f.visibility)).toEqual(['hr', 'hr', 'hr', 'hr']);
    expect((await emp.get('custom-fields')).body.data).toEqual([]);
    const tshirt = list.body.data.find((f: { key: string }) => f.key === 'tshirt');

    const relabel = await hr.patch(`custom-fields/${tshirt!.id}`, { label: 'Shirt size', options: ['S', 'M', 'L', 'XL'] });
    expect(relabel.body).toMatchObject({ label: 'Shirt size', options: ['S', 'M', 'L', 'XL'], type: 'choice' });
    expect((await hr.raw.patch(`custom-fields/${tshirt!.id}`, { type: 'text' })).status).toBe(400);
    expect((await hr.patch(`custom-fields/${tshirt!.id}`, {})).body.label).toBe('Shirt size');

    const p = await createPerson(t, org.id, { customFields: { tshirt: 'XL', fte: 1 } });
    expect((await hr.delete(`custom-fields/${tshirt!.id}`)).status).toBe(204);
    expect((await hr.get(`people/${p.id}`)).body.customFields).toEqual({ fte: 1 });
  });

  it('refuses bad keys, duplicates and choice fields without options', async () => {
    const { hr } = await orgWithAdmin(t);
    const bad = await hr.post('custom-fields', { key: 'Cost Center', label: 'x', type: 'text' });
    expect(bad.status).toBe(400);
    expect(Object.keys(details(bad))).toEqual(['key']);
    const noOptions = await hr.post('custom-fields', { key: 'size', label: 'Size', type: 'choice' });
    expect(Object.keys(details(noOptions))).toEqual(['options']);
    const optionsOnText = await hr.post('custom-fields', { key: 'size', label: 'Size', type: 'text', options: ['a'] });
    expect(Object.keys(details(optionsOnText))).toEqual(['options']);
    expect((await hr.post('custom-fields', { key: 'size', label: 'Size', type: 'text' })).status).toBe(201);
    const dup = await hr.post('custom-fields', { key: 'size', label: 'Size again', type: 'number' });
    expect(dup.status).toBe(409);
    expect(Object.keys(details(dup))).toEqual(['key']);
  });

  it('refuses to delete a field a smart group rule reads', async () => {
    const { hr } = await orgWithAdmin(t);
    const f = (await hr.post('custom-fields', { key: 'region', label: 'Region', type: 'text' })).body;
    await hr.post('groups', {
      name: 'EMEA',
      kind: 'smart',
      rule: { match: 'all', conditions: [{ field: 'customField', key: 'region', op: 'equals', value: 'EMEA' }] },
    });
    const res = await hr.delete(`custom-fields/${f.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('EMEA');
  });

  it('answers 404 to employees and to other organisations', async () => {
    const { hr, emp } = await orgWithAdmin(t);
    const f = (await hr.post('custom-fields', { key: 'badge', label: 'Badge', type: 'text' })).body;
    expect((await emp.post('custom-fields', { key: 'x', label: 'X', type: 'text' })).status).toBe(404);
    expect((await emp.patch(`custom-fields/${f.id}`, { label: 'Hacked' })).status).toBe(404);
    expect((await emp.delete(`custom-fields/${f.id}`)).status).toBe(404);
    const { hr: otherHr } = await orgWithAdmin(t);
    expect((await otherHr.patch(`custom-fields/${f.id}`, { label: 'Hacked' })).status).toBe(404);
    expect((await otherHr.delete(`custom-fields/${f.id}`)).status).toBe(404);
    expect((await otherHr.get('custom-fields')).body.data).toEqual([]);
  });
});

describe('custom field values on people', () => {
  it('checks values against the definitions, naming customFields.<key>', async () => {
    const { hr } = await orgWithAdmin(t);
    await defineFields(hr);
    const res = await hr.post('people', personBody({
      customFields: { cost_center: 42, fte: 'lots', contract_end: '2025-02-29', tshirt: 'XXL', shoe: '44' },
    }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const d = details(res);
    expect(Object.keys(d).sort()).toEqual([
      'customFields.contract_end',
      'customFields.cost_center',
      'customFields.fte',
      'customFields.shoe',
      'customFields.tshirt',
    ]);
    expect(d['customFields.tshirt']).toBe('T-shirt size must be one of: S, M, L');
    expect(d['customFields.shoe']).toMatch(/Unknown custom field/);
  });

  it('stores valid values and merges partial updates, null clearing a value', async () => {
    const { hr } = await orgWithAdmin(t);
    await defineFields(hr);
    const created = await hr.post('people', personBody({ customFields: { cost_center: 'CC-7', fte: '0.8', tshirt: 'M' } }));
    expect(created.status).toBe(201);
    expect(created.body.customFields).toEqual({ cost_center: 'CC-7', fte: 0.8, tshirt: 'M' });
    const patched = await hr.patch(`people/${created.body.id}`, { customFields: { tshirt: null, contract_end: '2027-06-30' } });
    expect(patched.status).toBe(200);
    expect(patched.body.customFields).toEqual({ cost_center: 'CC-7', fte: 0.8, contract_end: '2027-06-30' });
    const bad = await hr.raw.patch(`people/${created.body.id}`, { customFields: { fte: true } });
    expect(bad.status).toBe(400);
  });

  it('exports a pure validator for the import', () => {
    const defs = [{ key: 'fte', label: 'FTE', type: 'number' as const, options: [] }];
    expect(validateCustomFields(defs, { fte: '1.0' })).toEqual({ values: { fte: 1 }, errors: [] });
    expect(validateCustomFields(defs, { fte: 'x' }).errors).toEqual([{ path: 'customFields.fte', message: 'FTE must be a number' }]);
  });
});

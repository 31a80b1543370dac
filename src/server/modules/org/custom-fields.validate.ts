import type { CustomFieldValues } from '../../db/schema/index.ts';
import type { ErrorDetail } from '../../platform/http/errors.ts';
import { isRealDate } from './fields.ts';

export type CustomFieldDef = {
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'choice';
  options: string[];
};

export type CustomFieldCheck = { values: CustomFieldValues; errors: ErrorDetail[] };

/**
 * Checks person custom field values against the organisation's definitions. Pure, so the people
 * service and the CSV import share it. A null value clears the field. Numbers may arrive as
 * numeric strings (CSV cells) and are stored as numbers; the errors name `customFields.<key>`.
 */
export function validateCustomFields(defs: CustomFieldDef[], values: Record<string, unknown>): CustomFieldCheck {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: CustomFieldValues = {};
  const errors: ErrorDetail[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const path = `customFields.${key}`;
    const def = byKey.get(key);
    if (!def) {
      errors.push({ path, message: `Unknown custom field "${key}"` });
      continue;
    }
    if (raw === null || raw === undefined || raw === '') {
      out[key] = null;
      continue;
    }
    switch (def.type) {
      case 'text':
        if (typeof raw !== 'string') errors.push({ path, message: `${def.label} must be text` });
        else if (raw.length > 2000) errors.push({ path, message: `${def.label} is longer than 2000 characters` });
        else out[key] = raw;
        break;
      case 'number': {
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
        if (!Number.isFinite(n)) errors.push({ path, message: `${def.label} must be a number` });
        else out[key] = n;
        break;
      }
      case 'date':
        if (typeof raw !== 'string' || !isRealDate(raw)) {
          errors.push({ path, message: `${def.label} must be a real date written YYYY-MM-DD` });
        } else out[key] = raw;
        break;
      case 'choice':
        if (typeof raw !== 'string' || !def.options.includes(raw)) {
          errors.push({ path, message: `${def.label} must be one of: ${def.options.join(', ')}` });
        } else out[key] = raw;
        break;
    }
  }
  return { values: out, errors };
}

/** Applies checked values to the stored ones: null removes a key. */
export function mergeCustomFields(current: CustomFieldValues, changes: CustomFieldValues): CustomFieldValues {
  const next: CustomFieldValues = { ...current };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}

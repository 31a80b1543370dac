import { z } from '@hono/zod-openapi';
import { isStorableDate } from '../../platform/http/openapi.ts';

/** A calendar date written YYYY-MM-DD that exists (no 2023-02-30, no year 0). */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && isStorableDate(d);
}

/** An IANA time zone the runtime knows (Intl is the source of truth, aliases included). */
export function isTimeZone(s: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: s });
    return true;
  } catch {
    return false;
  }
}

/** The canonical BCP 47 form of a locale tag (`en-gb` → `en-GB`), or null when it is not one. */
export function canonicalLocale(s: string): string | null {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(s)) return null;
  try {
    return Intl.getCanonicalLocales(s)[0] ?? null;
  } catch {
    return null;
  }
}

export const IsoDate = z
  .string()
  .refine(isRealDate, { message: 'Use a real date written YYYY-MM-DD' })
  .openapi({ example: '2021-04-01' });

export const TimeZone = z
  .string()
  .max(100)
  .refine(isTimeZone, { message: 'Use an IANA time zone such as Europe/Berlin' })
  .openapi({ example: 'Europe/Berlin' });

export const Locale = z
  .string()
  .max(35)
  .refine((s) => canonicalLocale(s) !== null, { message: 'Use a locale tag such as en-GB' })
  .transform((s) => canonicalLocale(s)!)
  .openapi({ example: 'en-GB' });

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Use a valid email address' }))
  .transform((s) => s.toLowerCase());

import type { OneOnOneCadence } from '../../../db/schema/performance.ts';

/*
 * When the meetings of a series fall. Each occurrence is counted from the first meeting on the
 * series' local calendar (same wall-clock time, a week, two weeks or a month later), then turned
 * into an instant in that time zone: a 09:00 meeting stays at 09:00 across a DST change, and a
 * series started on the 31st meets on the last day of shorter months without drifting to the 28th.
 */

export type CadenceRule = { startsAt: Date; cadence: OneOnOneCadence; timeZone: string };

type Local = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time of an instant in a time zone. */
export function toLocal(at: Date, timeZone: string): Local {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

const asUtc = (l: Local) => Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);

/**
 * The instant a wall-clock time names in a time zone. A time skipped by a spring-forward change
 * (02:30 on that night) is taken an hour later, as calendars do; an ambiguous one (autumn) is the first.
 */
export function fromLocal(l: Local, timeZone: string): Date {
  const wanted = asUtc(l);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const offset = asUtc(toLocal(new Date(guess), timeZone)) - guess;
    const next = wanted - offset;
    if (next === guess) break;
    guess = next;
  }
  const offsetAt = (t: number) => asUtc(toLocal(new Date(t), timeZone)) - t;
  // Skipped spring hour: no instant shows it; the offset from before the change lands an hour later.
  if (asUtc(toLocal(new Date(guess), timeZone)) !== wanted) return new Date(wanted - offsetAt(wanted - 86_400_000));
  // Ambiguous autumn hour: prefer the earlier instant when it shows the same wall-clock time.
  const earlier = guess - 3_600_000;
  if (asUtc(toLocal(new Date(earlier), timeZone)) === wanted) return new Date(earlier);
  return new Date(guess);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The k-th meeting (0 is the first) of a series. */
export function occurrence(rule: CadenceRule, k: number): Date {
  const start = toLocal(rule.startsAt, rule.timeZone);
  let local: Local;
  if (rule.cadence === 'monthly') {
    const months = start.month - 1 + k;
    const year = start.year + Math.floor(months / 12);
    const month = (months % 12) + 1;
    local = { ...start, year, month, day: Math.min(start.day, daysInMonth(year, month)) };
  } else {
    const step = rule.cadence === 'weekly' ? 7 : 14;
    const d = new Date(Date.UTC(start.year, start.month - 1, start.day + k * step));
    local = { ...start, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  return fromLocal(local, rule.timeZone);
}

/** The index of the first meeting at or after `at` (0 when the series has not started). */
function firstIndexFrom(rule: CadenceRule, at: Date): number {
  if (at <= rule.startsAt) return 0;
  const days = (at.getTime() - rule.startsAt.getTime()) / 86_400_000;
  const approx = rule.cadence === 'monthly' ? Math.floor(days / 31) : Math.floor(days / (rule.cadence === 'weekly' ? 7 : 14));
  let k = Math.max(0, approx - 1);
  while (occurrence(rule, k) < at) k++;
  return k;
}

/** The next `count` meeting times at or after `from`. */
export function nextOccurrences(rule: CadenceRule, from: Date, count: number): Date[] {
  const k0 = firstIndexFrom(rule, from);
  return Array.from({ length: count }, (_, i) => occurrence(rule, k0 + i));
}

/** Whether a time zone name is one the runtime knows (Europe/Berlin, UTC). */
export function isKnownTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

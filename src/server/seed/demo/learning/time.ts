/** Offset of a time zone from UTC at an instant, in ms (no date library needed for the demo). */
function offsetMs(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return local - at.getTime();
}

/** The instant of a wall-clock time (`hh:mm`) in a zone on the UTC date of `day`. */
export function wallClock(day: Date, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number);
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h!, m!);
  const first = guess - offsetMs(new Date(guess), timeZone);
  // Once more in case the first guess fell on the other side of a DST change.
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

/** "12 March", for notes that mention a date. */
export const dayMonth = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

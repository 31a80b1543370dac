/** Most a single progress report may add: a tab left open overnight is not learning. */
export const MAX_REPORT_SECONDS = 3600;

/**
 * The seconds a progress report may add: what the learner reports, but never more than the
 * time that passed since time was last counted for the enrolment (or since it started), nor
 * more than an hour. The client is not trusted with the clock; three reports of a day each in
 * the same second add nothing. Elapsed time rounds down: rounding up would give a second to
 * every report, however fast they come.
 */
export function countableSeconds(input: { reported: number; now: Date; since: Date | null; max?: number }): number {
  const { reported, now, since, max = MAX_REPORT_SECONDS } = input;
  if (!since) return 0;
  const elapsed = Math.floor((now.getTime() - since.getTime()) / 1000);
  return Math.max(0, Math.min(Math.floor(reported), max, elapsed));
}

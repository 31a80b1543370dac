/** Where the person wants to go: target profiles or their own words, time frame, mobility, interests. */
export function AspirationsSection(_props: { personId: string; mine: boolean }) {
  return null;
}

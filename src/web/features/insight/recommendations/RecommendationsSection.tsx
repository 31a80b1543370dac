/** Learning recommended for the person, each with why, its evidence, dismiss and add to plan. */
export function RecommendationsSection(_props: { personId: string; mine: boolean }) {
  return null;
}

/** The person's development plan: items by status, with their skill, action, due date and approval. */
export function PlanSection(_props: { personId: string; mine: boolean }) {
  return null;
}

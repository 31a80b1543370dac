/** A person's skills: current level against the profile's expected level, gaps, sources and history; self and manager rating. */
export function SkillsSection(_props: { personId: string; mine: boolean }) {
  return null;
}

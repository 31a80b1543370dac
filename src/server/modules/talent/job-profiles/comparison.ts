/**
 * "Compare me to this profile": per expected skill, the expected level, the person's current level
 * (null when never assessed) and the gap still to close (expected − current, never below 0; a
 * skill never assessed counts from 0). Rows with the largest gap first, then by name.
 */
export function compareToProfile(
  expected: { skillId: string; name: string; category: string | null; maxLevel: number; level: number }[],
  current: Map<string, number>,
) {
  const round = (n: number) => Math.round(n * 100) / 100;
  const rows = expected
    .map((s) => {
      const cur = current.get(s.skillId);
      const currentLevel = cur === undefined ? null : round(cur);
      return {
        skillId: s.skillId,
        name: s.name,
        category: s.category,
        maxLevel: s.maxLevel,
        expectedLevel: s.level,
        currentLevel,
        gap: round(Math.max(0, s.level - (currentLevel ?? 0))),
      };
    })
    .sort((a, b) => b.gap - a.gap || a.name.localeCompare(b.name));
  const summary = {
    met: rows.filter((r) => r.gap === 0).length,
    gaps: rows.filter((r) => r.gap > 0).length,
    notAssessed: rows.filter((r) => r.currentLevel === null).length,
    totalGap: round(rows.reduce((n, r) => n + r.gap, 0)),
  };
  return { rows, summary };
}

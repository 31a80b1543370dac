/**
 * Changing a skill's scale (1–5 to 1–3, say) changes what every recorded level means, so levels
 * are never kept as they are: each old level maps to a new one, shown before it is applied.
 */

/** The proposal: each old level to the same position on the new scale (5→3: 1, 2, 2, 3, 3; halves round up). */
export function proportionalMapping(oldMax: number, newMax: number): number[] {
  return Array.from({ length: oldMax }, (_, i) => {
    const level = i + 1;
    if (oldMax === 1) return 1;
    // Ends stay ends: level 1 is the bottom and oldMax the top of either scale.
    return Math.round(1 + ((level - 1) * (newMax - 1)) / (oldMax - 1));
  });
}

/** Problems with a mapping the caller gave: one entry per old level, each within the new scale, never going down a rank. */
export function mappingProblems(mapping: number[], oldMax: number, newMax: number): string[] {
  const problems: string[] = [];
  if (mapping.length !== oldMax) problems.push(`Give a new level for each of the ${oldMax} current levels`);
  mapping.forEach((m, i) => {
    if (!Number.isInteger(m) || m < 1 || m > newMax) problems.push(`Level ${i + 1} must map to a level from 1 to ${newMax}`);
    if (i > 0 && m < mapping[i - 1]!) problems.push(`Level ${i + 1} cannot map below level ${i}`);
  });
  return problems;
}

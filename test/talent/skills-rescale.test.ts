import { describe, expect, it } from 'vitest';
import { mappingProblems, proportionalMapping } from '../../src/server/modules/talent/skills/skills.rescale.ts';

describe('rescaling a skill', () => {
  it('proposes each level at the same position of the new scale, ends kept', () => {
    // 5 → 3: positions 0, .25, .5, .75, 1 of the range → 1 + 2·p rounded: 1, 1.5→2, 2, 2.5→3, 3.
    expect(proportionalMapping(5, 3)).toEqual([1, 2, 2, 3, 3]);
    // 3 → 5: 1, 3, 5.
    expect(proportionalMapping(3, 5)).toEqual([1, 3, 5]);
    expect(proportionalMapping(4, 4)).toEqual([1, 2, 3, 4]);
    expect(proportionalMapping(1, 5)).toEqual([1]);
  });

  it('refuses a mapping that misses a level, leaves the scale or reorders levels', () => {
    expect(mappingProblems([1, 1, 2, 2, 3], 5, 3)).toEqual([]);
    expect(mappingProblems([1, 2], 5, 3)).toEqual(['Give a new level for each of the 5 current levels']);
    expect(mappingProblems([1, 4, 3], 3, 3)).toEqual(['Level 2 must map to a level from 1 to 3', 'Level 3 cannot map below level 2']);
    expect(mappingProblems([0, 1, 2], 3, 3)).toEqual(['Level 1 must map to a level from 1 to 3']);
  });
});

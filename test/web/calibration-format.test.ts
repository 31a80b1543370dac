import { describe, expect, it } from 'vitest';
import type { GridSubject } from '../../src/web/features/performance/calibration/api.ts';
import {
  bandLabel, boxPosition, chartRows, defaultGuideline, differs, guidelineFromRows, leniencyText, NINE_BOX_ROWS, peopleByBox, searchSubjects, signed, sortSubjects,
} from '../../src/web/features/performance/calibration/format.ts';

// Pure: what the calibration pages decide from what the grid answers. Only the fields read are given.
const row = (name: string, o: { manager?: string; proposed?: number | null; final?: number | null; potential?: number | null; box?: number | null; job?: string; dept?: string } = {}) =>
  ({
    subject: { id: name, name, jobTitle: o.job ?? null },
    manager: o.manager ? { id: o.manager, name: o.manager } : null,
    department: o.dept ? { id: o.dept, name: o.dept } : null,
    proposed: { score: o.proposed ?? null, reweighted: false, parts: [] },
    finalRating: o.final ?? null,
    potential: o.potential ?? null,
    box: o.box ?? null,
  }) as unknown as GridSubject;

const names = (rows: GridSubject[]) => rows.map((r) => r.subject.name);

describe('a final rating against the proposed score', () => {
  it('differs from two decimals on, as the server decides when it asks for a reason', () => {
    expect(differs(4.1, 4.1)).toBe(false);
    // The grid shows 4.10 for a proposed 4.104: a final of 4.1 is the same to the eye.
    expect(differs(4.1, 4.104)).toBe(false);
    expect(differs(4.1, 4.106)).toBe(true);
    expect(differs(4, 4.1)).toBe(true);
    // Nobody rated the person yet: any final is a choice that needs a reason.
    expect(differs(3, null)).toBe(true);
  });
});

describe('leniency in words', () => {
  it('gives the mean with its interval and n from two ratings on, with true minus signs', () => {
    expect(leniencyText({ n: 4, mean: 0.5, sd: 0.4, low: -0.1365, high: 1.1365 })).toEqual({ enough: true, text: '+0.50 (95% −0.14 to +1.14, n = 4)' });
    expect(leniencyText({ n: 2, mean: -0.25, sd: 0.35, low: -3.43, high: 2.93 }).text).toBe('−0.25 (95% −3.43 to +2.93, n = 2)');
  });

  it('says "too few ratings" below two instead of a bare mean, and "no ratings" for none', () => {
    expect(leniencyText({ n: 1, mean: 0.5, sd: null, low: null, high: null })).toEqual({ enough: false, text: 'Too few ratings (n = 1)' });
    expect(leniencyText({ n: 0, mean: null, sd: null, low: null, high: null })).toEqual({ enough: false, text: 'No ratings' });
  });

  it('writes an offset that rounds to nothing as 0.00, without a sign', () => {
    expect(signed(0.004)).toBe('0.00');
    expect(signed(-0.004)).toBe('0.00');
    expect(signed(null)).toBe('—');
  });
});

describe('the grid table', () => {
  const rows = [
    row('Cleo Diaz', { manager: 'Mia', proposed: 3.2, final: 4, potential: 2, box: 5 }),
    row('Ann Able', { manager: 'Max', proposed: 4.1, final: 4.1, potential: null, box: null, job: 'Engineer', dept: 'Platform' }),
    row('Bob Bé', { manager: 'Mia', proposed: null, final: null }),
    row('Abe Baker', { proposed: 4.1, final: 2.65, potential: 3, box: 6 }),
  ];

  it('sorts by a number either way with the rows that have none last, ties by name', () => {
    expect(names(sortSubjects(rows, 'proposed', 'desc'))).toEqual(['Abe Baker', 'Ann Able', 'Cleo Diaz', 'Bob Bé']);
    expect(names(sortSubjects(rows, 'proposed', 'asc'))).toEqual(['Cleo Diaz', 'Abe Baker', 'Ann Able', 'Bob Bé']);
    expect(names(sortSubjects(rows, 'potential', 'asc'))).toEqual(['Cleo Diaz', 'Abe Baker', 'Ann Able', 'Bob Bé']);
  });

  it('sorts by manager name, the rows without a manager last', () => {
    expect(names(sortSubjects(rows, 'manager', 'asc'))).toEqual(['Ann Able', 'Bob Bé', 'Cleo Diaz', 'Abe Baker']);
    expect(names(sortSubjects(rows, 'manager', 'desc'))).toEqual(['Bob Bé', 'Cleo Diaz', 'Ann Able', 'Abe Baker']);
  });

  it('finds every word of the search in the name, job title, manager or department, accents and case aside', () => {
    expect(names(searchSubjects(rows, 'bob be'))).toEqual(['Bob Bé']);
    expect(names(searchSubjects(rows, 'mia'))).toEqual(['Cleo Diaz', 'Bob Bé']);
    expect(names(searchSubjects(rows, 'platform engineer'))).toEqual(['Ann Able']);
    expect(names(searchSubjects(rows, 'platform mia'))).toEqual([]);
    expect(searchSubjects(rows, '   ')).toHaveLength(4);
  });
});

describe('the 9-box', () => {
  it('draws high potential on top and performance rising to the right', () => {
    expect(NINE_BOX_ROWS[0]).toEqual([6, 7, 8]);
    expect(NINE_BOX_ROWS[2]).toEqual([0, 1, 2]);
    expect(boxPosition(0)).toEqual({ performance: 'low', potential: 1 });
    expect(boxPosition(5)).toEqual({ performance: 'high', potential: 2 });
    expect(boxPosition(7)).toEqual({ performance: 'mid', potential: 3 });
  });

  it('puts each person in their box by name, and nobody without a box', () => {
    const boxes = peopleByBox([row('Zoe', { box: 8 }), row('Ann', { box: 8 }), row('Bob', { box: 0 }), row('Cy')]);
    expect(boxes.map((b) => names(b))).toEqual([['Bob'], [], [], [], [], [], [], [], ['Ann', 'Zoe']]);
  });
});

describe('the distribution', () => {
  const anchors = [
    { value: 1, label: 'Well below' },
    { value: 3, label: 'Meets' },
  ];

  it('names a band by its scale point when it starts on one', () => {
    expect(bandLabel({ from: 3, to: 4 }, anchors)).toBe('Meets (3 to under 4)');
    expect(bandLabel({ from: 2.333333, to: 3.666667 })).toBe('2.33 to under 3.67');
    expect(bandLabel({ from: 5, to: null })).toBe('5 and above');
  });

  it('charts shares as percentages, with the guideline only where it has a target', () => {
    const rows = chartRows(
      { rated: 3, unrated: 0, bands: [{ from: 1, to: 3, count: 1, share: 1 / 3, target: 0.25 }, { from: 3, to: null, count: 2, share: 2 / 3, target: null }] },
      anchors,
    );
    expect(rows).toEqual([
      { band: 'Well below', Finals: 33.3, Guideline: 25 },
      { band: 'Meets', Finals: 66.7 },
    ]);
  });
});

describe('the guideline form', () => {
  it('turns percentages into shares of 1', () => {
    expect(guidelineFromRows([{ rating: 1, percent: 20 }, { rating: 3, percent: 62.5 }, { rating: 4.5, percent: 17.5 }])).toEqual({
      guideline: [{ rating: 1, share: 0.2 }, { rating: 3, share: 0.625 }, { rating: 4.5, share: 0.175 }],
    });
  });

  it('refuses bands out of order, empty fields and percentages that do not add up to 100', () => {
    expect(guidelineFromRows([{ rating: 3, percent: 50 }, { rating: 3, percent: 50 }])).toEqual({ error: 'List the bands from the lowest rating up, each once' });
    expect(guidelineFromRows([{ rating: 1, percent: '' }])).toEqual({ error: 'Band 1: enter its rating and percentage' });
    expect(guidelineFromRows([{ rating: 1, percent: 40 }, { rating: 3, percent: 50 }])).toEqual({ error: 'The percentages add up to 90%, not 100%' });
    expect(guidelineFromRows([])).toEqual({ error: 'Add a band, or leave the guideline out' });
  });

  it('starts from the bell on five points, even shares otherwise with the rest in the middle', () => {
    expect(defaultGuideline([1, 2, 3, 4, 5]).map((r) => r.percent)).toEqual([10, 20, 40, 20, 10]);
    expect(defaultGuideline([1, 2, 3])).toEqual([{ rating: 1, percent: 33 }, { rating: 2, percent: 34 }, { rating: 3, percent: 33 }]);
    expect(defaultGuideline([1, 2, 3, 4]).map((r) => r.percent)).toEqual([25, 25, 25, 25]);
    expect(defaultGuideline([])).toEqual([]);
  });
});

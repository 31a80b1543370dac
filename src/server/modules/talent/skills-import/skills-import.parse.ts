import { parse } from 'csv-parse/sync';

/** Most rows one file may hold: a skills library or a profile catalogue is far smaller, and the whole file is checked in one transaction. */
export const MAX_ROWS = 5000;
/** Largest file accepted (5,000 rows with every level described fit comfortably). */
export const MAX_BYTES = 5 * 1024 * 1024;
/** The most levels a skill's scale may have (as the skills API allows). */
export const MAX_LEVELS = 10;

/** The skills file's columns, under any common spelling of their header. */
export const skillColumns = {
  name: ['name', 'skill', 'skillname'],
  category: ['category', 'skillcategory'],
  description: ['description', 'skilldescription'],
  scale_max: ['scalemax', 'maxlevel', 'scale'],
} as const;

/** The job profiles file's columns: one row per profile and expected skill. */
export const profileColumns = {
  profile: ['profile', 'profilename', 'jobprofile', 'jobprofilename'],
  profile_description: ['profiledescription', 'description'],
  family: ['family', 'jobfamily', 'profilefamily'],
  skill: ['skill', 'skillname'],
  expected_level: ['expectedlevel', 'level'],
  next_profiles: ['nextprofiles', 'nextsteps', 'promotions', 'promotesto'],
  lateral_profiles: ['lateralprofiles', 'lateralmoves', 'lateral'],
} as const;

export type SkillColumn = keyof typeof skillColumns;
export type ProfileColumn = keyof typeof profileColumns;

export type ParsedRow<C extends string> = {
  /** 1-based number of the data row (the header is row 0), as in the people import. */
  row: number;
  values: Partial<Record<C, string>>;
  /** Level descriptors by level (`level_3` → 3), skills file only. */
  levels: Map<number, string>;
};

export type ParsedFile<C extends string> = {
  rows: ParsedRow<C>[];
  /** The columns the header has (a column left out keeps what is stored). */
  columns: Set<C>;
  /** Levels that have a `level_N` column. */
  levelColumns: Set<number>;
  unknownColumns: string[];
  missingColumns: C[];
};

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export class CsvError extends Error {}

/**
 * Parses the file with csv-parse (quotes, BOM, CRLF, commas inside quotes) and maps its headers
 * to columns. `withLevels` reads `level_1` … `level_10` as level descriptors.
 */
export function parseCsv<C extends string>(
  csv: string | Buffer,
  spec: Record<C, readonly string[]>,
  required: C[],
  opts: { withLevels?: boolean } = {},
): ParsedFile<C> {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw new CsvError(`The file is not valid CSV: ${(err as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw new CsvError('The file is empty');
  if (data.length > MAX_ROWS) throw new CsvError(`The file has ${data.length.toLocaleString('en')} rows; at most ${MAX_ROWS.toLocaleString('en')} can be imported at once: split it`);
  const byAlias = new Map<string, C>();
  for (const [col, aliases] of Object.entries(spec) as [C, readonly string[]][]) for (const a of aliases) byAlias.set(a, col);
  const mapping: Array<{ kind: 'col'; col: C } | { kind: 'level'; level: number } | null> = [];
  const columns = new Set<C>();
  const levelColumns = new Set<number>();
  const unknownColumns: string[] = [];
  for (const h of header) {
    const n = norm(h);
    const col = byAlias.get(n);
    const level = opts.withLevels ? /^(?:level|leveldescriptor|descriptor)(\d{1,2})$/.exec(n) : null;
    if (col && !columns.has(col)) {
      mapping.push({ kind: 'col', col });
      columns.add(col);
    } else if (level && Number(level[1]) >= 1 && Number(level[1]) <= MAX_LEVELS && !levelColumns.has(Number(level[1]))) {
      mapping.push({ kind: 'level', level: Number(level[1]) });
      levelColumns.add(Number(level[1]));
    } else {
      mapping.push(null);
      if (h.trim()) unknownColumns.push(h);
    }
  }
  const missingColumns = required.filter((c) => !columns.has(c));
  const rows = data.map((cells, i) => {
    const row: ParsedRow<C> = { row: i + 1, values: {}, levels: new Map() };
    mapping.forEach((m, j) => {
      const v = cells[j]?.trim() ?? '';
      if (!m) return;
      if (m.kind === 'col') row.values[m.col] = v;
      else row.levels.set(m.level, v);
    });
    return row;
  });
  return { rows, columns, levelColumns, unknownColumns, missingColumns };
}

import { parse } from 'csv-parse/sync';
import type { CustomFieldDef } from '../custom-fields.validate.ts';

/** The columns the import understands, under any common spelling of their header. */
export const standardColumns = {
  employeeNumber: ['employeenumber', 'employeeno', 'employeeid', 'empno', 'number', 'id'],
  email: ['email', 'emailaddress', 'workemail'],
  firstName: ['firstname', 'givenname', 'first'],
  lastName: ['lastname', 'surname', 'familyname', 'last'],
  jobTitle: ['jobtitle', 'title', 'position', 'role'],
  department: ['department', 'dept', 'team'],
  jobProfile: ['jobprofile', 'profile', 'careerprofile'],
  manager: ['manager', 'manageremail', 'manageremployeenumber', 'reportsto', 'managerid'],
  location: ['location', 'office', 'city'],
  hireDate: ['hiredate', 'startdate', 'datehired', 'started'],
  timeZone: ['timezone', 'tz'],
  locale: ['locale', 'language'],
} as const;

export type StandardColumn = keyof typeof standardColumns;

export type ParsedRow = {
  /** 1-based number of the data row (the header is row 0), as people count lines in a sheet. */
  row: number;
  values: Partial<Record<StandardColumn, string>>;
  custom: Record<string, string>;
};

export type ParsedFile = { rows: ParsedRow[]; unknownColumns: string[]; missingColumns: string[] };

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export class CsvError extends Error {}

/** Parses the file with csv-parse (quotes, BOM, CRLF) and maps headers to fields. */
export function parsePeopleCsv(csv: string | Buffer, defs: CustomFieldDef[]): ParsedFile {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw new CsvError(`The file is not valid CSV: ${(err as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw new CsvError('The file is empty');
  const byAlias = new Map<string, StandardColumn>();
  for (const [col, aliases] of Object.entries(standardColumns)) for (const a of aliases) byAlias.set(a, col as StandardColumn);
  const customByName = new Map<string, string>();
  for (const d of defs) {
    customByName.set(norm(d.key), d.key);
    customByName.set(norm(d.label), d.key);
  }
  const mapping: Array<{ kind: 'std'; col: StandardColumn } | { kind: 'custom'; key: string } | null> = [];
  const unknownColumns: string[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    const n = norm(h);
    const std = byAlias.get(n);
    const custom = customByName.get(n);
    if (std && !seen.has(std)) {
      mapping.push({ kind: 'std', col: std });
      seen.add(std);
    } else if (custom && !std) mapping.push({ kind: 'custom', key: custom });
    else {
      mapping.push(null);
      if (h.trim()) unknownColumns.push(h);
    }
  }
  const missingColumns = (['email', 'firstName', 'lastName'] as const).filter((c) => !seen.has(c));
  const rows = data.map((cells, i) => {
    const row: ParsedRow = { row: i + 1, values: {}, custom: {} };
    mapping.forEach((m, j) => {
      const v = cells[j]?.trim() ?? '';
      if (!m) return;
      if (m.kind === 'std') row.values[m.col] = v;
      else row.custom[m.key] = v;
    });
    return row;
  });
  return { rows, unknownColumns, missingColumns };
}

export type PersonRef = { id: string; name: string };

export type Person = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  employeeNumber: string | null;
  jobTitle: string | null;
  department: PersonRef | null;
  manager: PersonRef | null;
  location: string | null;
  timeZone: string | null;
  locale: string | null;
  hireDate: string | null;
  status: 'active' | 'inactive';
  customFields: Record<string, string | number | null>;
};

export type PersonDetail = Person & { directReportCount: number };

export type ChartNode = { id: string; name: string; jobTitle: string | null; department: PersonRef | null; directReportCount: number };

export type FieldVisibility = 'everyone' | 'chain' | 'hr';

export type CustomField = {
  id: string;
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'choice';
  options: string[];
  visibility: FieldVisibility;
};

/** Who may read a field's values, in the words HR chooses them by. */
export const visibilityLabels: Record<FieldVisibility, string> = {
  everyone: 'Everyone',
  chain: 'The person, their managers and HR',
  hr: 'HR only',
};

/** Lists come as `{ data }` pages; a few endpoints answer a bare array. */
export const rows = <T,>(v: T[] | { data: T[] } | undefined): T[] => (Array.isArray(v) ? v : (v?.data ?? []));

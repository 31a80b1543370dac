export type ComplianceAudience = { type: 'everyone' | 'group' | 'department'; id: string | null; name: string | null };

export type ComplianceRule = {
  id: string;
  name: string;
  courseId: string | null;
  programId: string | null;
  targetTitle: string;
  audience: ComplianceAudience;
  validForMonths: number;
  reenrollDaysBefore: number;
  dueDays: number;
  escalateAfterDays: number | null;
  active: boolean;
};

export type ComplianceStatus = 'compliant' | 'expiring' | 'in_progress' | 'not_started' | 'overdue';

export type DashboardCounts = {
  people: number;
  compliant: number;
  compliantPct: number;
  expiring: number;
  overdue: number;
  inProgress: number;
  notStarted: number;
};

export type Dashboard = {
  ruleId: string | null;
  rules: Array<{ id: string; name: string }>;
  asOf: string;
  departments: Array<DashboardCounts & { departmentId: string | null; departmentName: string | null }>;
  total: DashboardCounts;
};

export type RulePerson = {
  personId: string;
  name: string;
  email: string;
  jobTitle: string | null;
  departmentId: string | null;
  departmentName: string | null;
  status: ComplianceStatus;
  validUntil: string | null;
  enrollmentId: string | null;
  dueAt: string | null;
};

export const statusLabels: Record<ComplianceStatus, string> = {
  compliant: 'Compliant',
  expiring: 'Expiring soon',
  in_progress: 'In progress',
  not_started: 'Not started',
  overdue: 'Overdue',
};

export const statusColors: Record<ComplianceStatus, string> = {
  compliant: 'green',
  expiring: 'yellow',
  in_progress: 'blue',
  not_started: 'gray',
  overdue: 'red',
};

export const formatDate = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '—');

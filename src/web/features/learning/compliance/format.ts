import type { ComplianceStatus } from './api.ts';

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

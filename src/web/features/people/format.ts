import type { FieldVisibility } from './api.ts';

/** Who may read a field's values, in the words HR chooses them by. */
export const visibilityLabels: Record<FieldVisibility, string> = {
  everyone: 'Everyone',
  chain: 'The person, their managers and HR',
  hr: 'HR only',
};

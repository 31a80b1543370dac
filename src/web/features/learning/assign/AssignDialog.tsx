// Placeholder: the enrolments part fills this in (assign a course or program with a reason).
export type AssignTarget = { courseId?: string; programId?: string; title: string; personIds?: string[] };

export function AssignDialog(_props: { target: AssignTarget | null; onClose: () => void }) {
  return null;
}

// Placeholder: the live-training part fills this in (sessions of a live course, register, waitlist).
export function LiveSessionsPanel(_props: { courseId: string }) {
  return null;
}

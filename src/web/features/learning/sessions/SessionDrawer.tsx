import { Drawer, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { ErrorAlert, FormActions, drawerTitle } from '../../../ui/common.tsx';
import { PersonPicker } from '../../people/PersonPicker.tsx';
import { sessionApi, sessionKeys, type LiveSession } from './api.ts';
import { toLocalInput, viewerTimeZone } from './format.ts';

/**
 * The zones to choose from, always with the current one: browsers name their own zone by aliases
 * such as "UTC" that their list of canonical zones leaves out, which left the field blank.
 */
const zones = (current: string): string[] => {
  let list: string[] = [];
  try {
    list = (Intl as unknown as { supportedValuesOf: (k: string) => string[] }).supportedValuesOf('timeZone');
  } catch {
    // Older browsers: only the current zone.
  }
  return list.includes(current) ? list : [current, ...list];
};

/** Create or edit a session; times are typed as wall-clock times in the chosen zone. */
export function SessionDrawer({ courseId, session, onClose }: { courseId: string; session: LiveSession | null; onClose: () => void }) {
  const qc = useQueryClient();
  const [timeZone, setTimeZone] = useState(session?.timeZone ?? viewerTimeZone());
  const [startsAt, setStartsAt] = useState(session ? toLocalInput(session.startsAt, session.timeZone) : '');
  const [endsAt, setEndsAt] = useState(session ? toLocalInput(session.endsAt, session.timeZone) : '');
  const [location, setLocation] = useState(session?.location ?? '');
  const [meetingUrl, setMeetingUrl] = useState(session?.meetingUrl ?? '');
  const [instructorId, setInstructorId] = useState<string | null>(session?.instructor?.id ?? null);
  const [capacity, setCapacity] = useState<number | string>(session?.capacity ?? 12);
  const [notes, setNotes] = useState(session?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const zoneOptions = useMemo(() => zones(timeZone), [timeZone]);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        startsAt,
        endsAt,
        timeZone,
        location: location.trim() || null,
        meetingUrl: meetingUrl.trim() || null,
        instructorId,
        capacity: Number(capacity),
        notes: notes.trim() || null,
      };
      return session ? sessionApi.update(session.id, body) : sessionApi.schedule(courseId, body);
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: session ? 'Session saved; registered people get an updated invitation' : 'Session scheduled' });
      void qc.invalidateQueries({ queryKey: sessionKeys.ofCourse(courseId) });
      onClose();
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={session ? 'Edit session' : 'New session'} styles={drawerTitle} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          {save.error && !Object.keys(fieldErrors(save.error)).length && <ErrorAlert error={save.error} />}
          <Select label="Time zone" required searchable data={zoneOptions} value={timeZone} onChange={(v) => v && setTimeZone(v)} error={errors.timeZone} />
          <TextInput label="Starts" type="datetime-local" required value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} error={errors.startsAt} />
          <TextInput label="Ends" type="datetime-local" required value={endsAt} onChange={(e) => setEndsAt(e.currentTarget.value)} error={errors.endsAt} />
          <TextInput label="Place" description="A room or address; or give a meeting link below." value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={errors.location} />
          <TextInput label="Meeting link" type="url" placeholder="https://" value={meetingUrl} onChange={(e) => setMeetingUrl(e.currentTarget.value)} error={errors.meetingUrl} />
          <PersonPicker
            label="Instructor"
            value={instructorId}
            initial={session?.instructor ?? null}
            onChange={(id) => setInstructorId(id)}
            error={errors.instructorId}
          />
          <NumberInput label="Capacity" required min={1} max={10000} value={capacity} onChange={setCapacity} error={errors.capacity} w={200} />
          <Textarea label="Notes for attendees" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
          <FormActions onCancel={onClose} label={session ? 'Save session' : 'Schedule session'} loading={save.isPending} />
        </Stack>
      </form>
    </Drawer>
  );
}

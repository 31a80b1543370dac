import { Accordion, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarDown, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { strongText } from '../../../lib/colors.ts';
import { useMe } from '../../../lib/me.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { confirmDanger, EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { ActionItems } from './ActionItems.tsx';
import { Agenda } from './Agenda.tsx';
import { calendarHref, cadenceLabels, dayLabel, oneOnOneApi, oneOnOneKeys, oneOnOneQueries, whenLabel, type Meeting, type SeriesDetail } from './api.ts';

/** Who is who in a series, seen from the viewer. */
export type Sides = { me: { id: string; name: string }; other: { id: string; name: string } };

const statusLabels: Record<Meeting['status'], string> = { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled' };

export default function SeriesPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const me = useMe().data;
  const series = useQuery(oneOnOneQueries.series(id));
  if (series.isLoading || !me) return <Loading label="Loading the 1:1" />;
  if (series.error instanceof ApiError && series.error.status === 404) return <EmptyText>This 1:1 does not exist, or you are not one of its two participants.</EmptyText>;
  if (!series.data) return <ErrorAlert error={series.error} />;
  const s = series.data;
  const mine = s.organiser.id === s.with.id ? s.attendee : s.organiser;
  const sides: Sides = { me: { id: me.personId, name: mine.name }, other: s.with };
  return (
    <Stack>
      <PageHeader
        title={`1:1 with ${s.with.name}`}
        description={`${cadenceLabels[s.cadence]} · ${s.durationMinutes} min · ${s.timeZone}${s.location ? ` · ${s.location}` : ''}`}
        actions={<SeriesActions s={s} />}
      />
      {s.endedAt && (
        <Text role="status">
          <Badge color="gray" variant="light" mr="xs">
            Ended
          </Badge>
          This series ended on {dayLabel(s.endedAt)}. Its history stays here for both of you.
        </Text>
      )}
      {s.current ? <CurrentMeeting m={s.current} s={s} sides={sides} /> : !s.endedAt && <EmptyText>No meeting is planned.</EmptyText>}
      {s.nextDates.length > 0 && (
        <Text size="sm" c="dimmed">
          Then: {s.nextDates.filter((d) => !s.current || d > s.current.scheduledAt).slice(0, 3).map(whenLabel).join(' · ')}
        </Text>
      )}
      <History s={s} sides={sides} />
    </Stack>
  );
}

function SeriesActions({ s }: { s: SeriesDetail }) {
  const qc = useQueryClient();
  const end = useMutation({
    mutationFn: () => oneOnOneApi.end(s.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: oneOnOneKeys.all });
      notifications.show({ color: 'teal', message: 'The series has ended; its later meetings are cancelled.' });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Could not end the series', message: (err as Error).message }),
  });
  return (
    <Group gap="xs">
      <Button component="a" href={calendarHref(s.id)} download variant="default" leftSection={<IconCalendarDown size={16} aria-hidden />}>
        Download .ics
      </Button>
      {!s.endedAt && (
        <Button
          variant="light"
          color="red"
          loading={end.isPending}
          onClick={() =>
            confirmDanger({
              title: 'End this 1:1 series?',
              body: `Later meetings with ${s.with.name} are cancelled. Past meetings, notes and action items stay.`,
              confirm: 'End series',
              onConfirm: () => end.mutate(),
            })
          }
        >
          End series
        </Button>
      )}
    </Group>
  );
}

function CurrentMeeting({ m, s, sides }: { m: Meeting; s: SeriesDetail; sides: Sides }) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: oneOnOneKeys.all });
  const open = m.agenda.filter((a) => !a.discussedAt).length;
  const close = useMutation({
    mutationFn: (how: 'held' | 'cancelled') => (how === 'held' ? oneOnOneApi.held(m.id) : oneOnOneApi.cancel(m.id)),
    onSuccess: (_r, how) => {
      refresh();
      const moved = open ? ` ${open} ${open === 1 ? 'point' : 'points'} not discussed moved to the next meeting.` : '';
      notifications.show({ color: 'teal', message: `${how === 'held' ? 'Marked held.' : 'Meeting cancelled.'}${moved}` });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Could not change the meeting', message: (err as Error).message }),
  });
  return (
    <>
      <SectionCard
        title={`Next meeting: ${whenLabel(m.scheduledAt)}`}
        actions={
          m.status === 'scheduled' && (
            <Group gap="xs" wrap="wrap" justify="flex-end">
              <Button size="xs" onClick={() => close.mutate('held')} loading={close.isPending && close.variables === 'held'}>
                Mark held
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={close.isPending && close.variables === 'cancelled'}
                onClick={() =>
                  confirmDanger({
                    title: 'Cancel this meeting?',
                    body: 'Its talking points move to the next meeting.',
                    confirm: 'Cancel meeting',
                    onConfirm: () => close.mutate('cancelled'),
                  })
                }
              >
                Cancel meeting
              </Button>
            </Group>
          )
        }
      >
        <Agenda m={m} sides={sides} editable={!s.endedAt && m.status === 'scheduled'} />
      </SectionCard>
      <SectionCard title="Action items">
        <ActionItems m={m} sides={sides} editable={!s.endedAt} />
      </SectionCard>
      <SectionCard title="Notes">
        <Notes m={m} />
      </SectionCard>
    </>
  );
}

/** The shared note and my private note, each saved with the button; the state says whether it is saved. */
export function Notes({ m, readOnly }: { m: Meeting; readOnly?: boolean }) {
  return (
    <Stack>
      <NoteEditor meetingId={m.id} initial={m.sharedNote?.body ?? ''} savedAt={m.sharedNote?.updatedAt ?? null} kind="shared" readOnly={readOnly} />
      <NoteEditor meetingId={m.id} initial={m.privateNote?.body ?? ''} savedAt={m.privateNote?.updatedAt ?? null} kind="private" readOnly={readOnly} />
    </Stack>
  );
}

function NoteEditor({ meetingId, initial, savedAt, kind, readOnly }: { meetingId: string; initial: string; savedAt: string | null; kind: 'shared' | 'private'; readOnly?: boolean }) {
  const qc = useQueryClient();
  const [body, setBody] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [at, setAt] = useState(savedAt);
  useEffect(() => {
    setBody(initial);
    setSaved(initial);
    setAt(savedAt);
  }, [meetingId]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useMutation({
    mutationFn: () => (kind === 'shared' ? oneOnOneApi.sharedNote(meetingId, body) : oneOnOneApi.privateNote(meetingId, body)),
    onSuccess: (n) => {
      setSaved(n.body);
      setAt(n.updatedAt);
      void qc.invalidateQueries({ queryKey: oneOnOneKeys.meeting(meetingId) });
    },
  });
  const dirty = body !== saved;
  const label = kind === 'shared' ? 'Shared notes' : 'My private note';
  const state = save.isPending ? 'Saving…' : dirty ? 'Unsaved changes' : at ? `Saved ${whenLabel(at)}` : 'Nothing written yet';
  if (readOnly) {
    if (!initial) return null;
    return (
      <Stack gap={2}>
        <Group gap={4}>
          {kind === 'private' && <IconLock size={14} aria-hidden />}
          <Text size="sm" fw={600}>
            {label}
            {kind === 'private' ? ' (only you see this)' : ''}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {initial}
        </Text>
      </Stack>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap={4}>
        <Textarea
          label={
            <Group gap={4} component="span">
              {kind === 'private' && <IconLock size={14} aria-hidden />}
              {label}
            </Group>
          }
          description={kind === 'shared' ? 'Both of you read and write these.' : 'Only you see this; not the other participant, not admins.'}
          autosize
          minRows={3}
          maxLength={20000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={save.error ? (save.error as Error).message : undefined}
        />
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c={dirty ? strongText('orange') : 'dimmed'} role="status" aria-live="polite">
            {state}
          </Text>
          <Button type="submit" size="xs" variant={dirty ? 'filled' : 'default'} disabled={!dirty} loading={save.isPending}>
            Save {kind === 'shared' ? 'shared notes' : 'private note'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function History({ s, sides }: { s: SeriesDetail; sides: Sides }) {
  const past = s.meetings.filter((m) => m.status !== 'scheduled').sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
  const [open, setOpen] = useState<string | null>(null);
  return (
    <SectionCard title="Past meetings">
      {past.length === 0 ? (
        <EmptyText>No meeting held yet.</EmptyText>
      ) : (
        <Accordion value={open} onChange={setOpen} variant="separated">
          {past.map((m) => (
            <Accordion.Item key={m.id} value={m.id}>
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {whenLabel(m.scheduledAt)}
                  </Text>
                  <Badge variant="light" color={m.status === 'held' ? 'teal' : 'gray'}>
                    {statusLabels[m.status]}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {m.agendaCount} {m.agendaCount === 1 ? 'point' : 'points'}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>{open === m.id && <PastMeeting id={m.id} sides={sides} />}</Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </SectionCard>
  );
}

function PastMeeting({ id, sides }: { id: string; sides: Sides }) {
  const q = useQuery(oneOnOneQueries.meeting(id));
  if (q.isLoading) return <Loading label="Loading the meeting" />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const m = q.data;
  return (
    <Stack gap="sm">
      <Agenda m={m} sides={sides} editable={false} />
      {m.actions.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            Action items
          </Text>
          <ActionItems m={m} sides={sides} editable={false} />
        </>
      )}
      <Notes m={m} readOnly />
    </Stack>
  );
}

import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarDown, IconMapPin, IconVideo } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { strongText } from '../../../lib/colors.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { enrollmentKeys } from '../enrollment/api.ts';
import { sessionApi, sessionKeys, sessionQueries, type LiveSession } from './api.ts';
import { formatRange, viewerTimeZone } from './format.ts';

/** Upcoming sessions of a live course, with register / waitlist / cancel and a calendar file. */
export function LiveSessionsPanel({ courseId }: { courseId: string }) {
  const qc = useQueryClient();
  const sessions = useQuery(sessionQueries.ofCourse(courseId));
  const done = (message: string) => {
    notifications.show({ color: 'green', message });
    void qc.invalidateQueries({ queryKey: sessionKeys.ofCourse(courseId) });
    void qc.invalidateQueries({ queryKey: enrollmentKeys.mine });
  };
  const fail = (err: unknown) => notifications.show({ color: 'red', message: (err as Error).message });
  const register = useMutation({
    mutationFn: (s: LiveSession) => sessionApi.register(s.id),
    onSuccess: (r) => done(r.status === 'registered' ? 'You are registered. The invitation is in your email.' : 'You are on the waitlist. You will get a seat automatically when one opens.'),
    onError: fail,
  });
  const cancel = useMutation({
    mutationFn: (s: LiveSession) => sessionApi.unregister(s.id),
    onSuccess: () => done('Your registration is cancelled.'),
    onError: fail,
  });
  const list = sessions.data?.data ?? [];
  const mine = list.find((s) => s.myRegistration && s.status === 'scheduled');
  return (
    <section aria-labelledby={`sessions-${courseId}`}>
      <Title order={2} size="h3" id={`sessions-${courseId}`} mb="sm">
        Sessions
      </Title>
      <ErrorAlert error={sessions.error} />
      {sessions.isLoading ? (
        <Loading label="Loading sessions" />
      ) : sessions.isError ? null : list.length === 0 ? (
        <EmptyText>No upcoming sessions are scheduled yet.</EmptyText>
      ) : (
        <Stack gap="sm">
          {list.map((s) => {
            const here = viewerTimeZone();
            const busy = (register.isPending && register.variables?.id === s.id) || (cancel.isPending && cancel.variables?.id === s.id);
            return (
              <Card key={s.id} withBorder padding="md">
                <Stack gap={6}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text fw={600}>{formatRange(s.startsAt, s.endsAt, s.timeZone)}</Text>
                    <SeatBadge s={s} />
                  </Group>
                  <Text size="sm" c="dimmed">
                    {s.timeZone}
                    {here !== s.timeZone && ` · your time: ${formatRange(s.startsAt, s.endsAt, here)} (${here})`}
                  </Text>
                  {s.location && (
                    <Group gap={6} wrap="nowrap">
                      <IconMapPin size={16} aria-hidden />
                      <Text size="sm">{s.location}</Text>
                    </Group>
                  )}
                  {s.meetingUrl ? (
                    <Group gap={6} wrap="nowrap">
                      <IconVideo size={16} aria-hidden />
                      <Anchor href={s.meetingUrl} target="_blank" rel="noreferrer" size="sm" style={{ wordBreak: 'break-all' }}>
                        Join the meeting
                      </Anchor>
                    </Group>
                  ) : null}
                  {s.instructor && <Text size="sm">Instructor: {s.instructor.name}</Text>}
                  {s.notes && <Text size="sm">{s.notes}</Text>}
                  {s.myRegistration && (
                    <Text size="sm" fw={500} c={strongText(s.myRegistration.status === 'registered' ? 'green' : 'orange')}>
                      {s.myRegistration.status === 'registered'
                        ? 'You are registered.'
                        : `You are on the waitlist (position ${s.myRegistration.waitlistPosition ?? '?'}).`}
                    </Text>
                  )}
                  {s.status === 'scheduled' && !s.ended && (
                    <Group gap="xs" mt={4}>
                      {s.myRegistration ? (
                        <Button size="xs" variant="default" color="red" loading={busy} onClick={() => cancel.mutate(s)}>
                          {s.myRegistration.status === 'registered' ? 'Cancel my registration' : 'Leave the waitlist'}
                        </Button>
                      ) : (
                        <Button size="xs" loading={busy} disabled={!!mine} onClick={() => register.mutate(s)}>
                          {s.seatsLeft > 0 ? 'Register' : 'Join waitlist'}
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="subtle"
                        component="a"
                        href={`/api/v1/sessions/${s.id}/ical`}
                        download="session.ics"
                        leftSection={<IconCalendarDown size={14} aria-hidden />}
                      >
                        Add to calendar
                      </Button>
                    </Group>
                  )}
                  {!s.myRegistration && mine && s.status === 'scheduled' && (
                    <Text size="xs" c="dimmed">
                      You hold a place in another session; cancel it to choose this one.
                    </Text>
                  )}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
    </section>
  );
}

function SeatBadge({ s }: { s: LiveSession }) {
  if (s.status === 'cancelled') return <Badge color="red" variant="light">Cancelled</Badge>;
  if (s.ended) return <Badge color="gray" variant="light">Ended</Badge>;
  if (s.seatsLeft > 0) return <Badge color="green" variant="light">{`${s.seatsLeft} of ${s.capacity} seats left`}</Badge>;
  return <Badge color="orange" variant="light">{`Full · ${s.waitlistCount} waiting`}</Badge>;
}

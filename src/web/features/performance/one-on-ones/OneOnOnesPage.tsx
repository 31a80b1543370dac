import { Anchor, Badge, Button, Card, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { hasRole, useMe } from '../../../lib/me.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { drawerTitle, EmptyText, ErrorAlert, Loading, LoadMore } from '../../../ui/common.tsx';
import { PersonPicker } from '../../people/PersonPicker.tsx';
import { cadenceLabels, dayLabel, oneOnOneApi, oneOnOneKeys, oneOnOneQueries, whenLabel, type Cadence, type SeriesListItem } from './api.ts';

type Search = { tab?: string; weeks?: string };

/** My 1:1 series and, for managers and HR admins, who has not had a 1:1 lately. */
export default function OneOnOnesPage() {
  const me = useMe().data;
  const search = useSearch({ strict: false }) as Search;
  const navigate = useNavigate();
  const showCadence = !!me && (me.isManager || hasRole(me, 'hr_admin'));
  const tab = showCadence && search.tab === 'cadence' ? 'cadence' : 'mine';
  const set = (patch: Partial<Search>) => void navigate({ to: '/one-on-ones', search: { ...search, ...patch } as never, replace: true });
  const [starting, setStarting] = useState(false);
  const list = <MySeries onStart={() => setStarting(true)} />;
  return (
    <Stack>
      <PageHeader
        title="1:1s"
        description="Your one-on-one meetings: a shared agenda both of you add to, notes, and action items followed until they are done."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setStarting(true)}>
            Start a 1:1
          </Button>
        }
      />
      {showCadence ? (
        <Tabs value={tab} onChange={(v) => set({ tab: v === 'cadence' ? 'cadence' : undefined })}>
          <Tabs.List>
            <Tabs.Tab value="mine">My 1:1s</Tabs.Tab>
            <Tabs.Tab value="cadence">Cadence</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mine" pt="md">
            {tab === 'mine' && list}
          </Tabs.Panel>
          <Tabs.Panel value="cadence" pt="md">
            {tab === 'cadence' && <CadenceReport weeks={Number(search.weeks) || 4} onWeeks={(w) => set({ weeks: String(w) })} everyone={hasRole(me, 'hr_admin')} />}
          </Tabs.Panel>
        </Tabs>
      ) : (
        list
      )}
      <StartSeriesModal opened={starting} onClose={() => setStarting(false)} />
    </Stack>
  );
}

function MySeries({ onStart }: { onStart: () => void }) {
  const [ended, setEnded] = useState(false);
  const q = useInfiniteQuery(oneOnOneQueries.list(ended));
  const items = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack gap="sm">
      <Checkbox label="Show ended series" checked={ended} onChange={(e) => setEnded(e.currentTarget.checked)} />
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading your 1:1s" />
      ) : q.isError ? null : items.length === 0 ? (
        <Stack align="center" gap="xs">
          <EmptyText>No 1:1s yet. Start one with your manager, a report or a colleague: you both add talking points before you meet.</EmptyText>
          <Button variant="light" onClick={onStart}>
            Start a 1:1
          </Button>
        </Stack>
      ) : (
        <>
          {items.map((s) => (
            <SeriesCard key={s.id} s={s} />
          ))}
          <LoadMore hasMore={!!q.hasNextPage} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} />
        </>
      )}
    </Stack>
  );
}

function SeriesCard({ s }: { s: SeriesListItem }) {
  return (
    <Card withBorder padding="sm" component="article" aria-label={`1:1 with ${s.with.name}`} data-testid="series-card">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to="/one-on-ones/$id" params={{ id: s.id } as never} fw={600} style={{ overflowWrap: 'anywhere' }}>
            1:1 with {s.with.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {cadenceLabels[s.cadence]} · {s.durationMinutes} min{s.location ? ` · ${s.location}` : ''}
          </Text>
        </Stack>
        {s.endedAt && (
          <Badge color="gray" variant="light">
            Ended
          </Badge>
        )}
      </Group>
      <Group gap="lg" mt={4} wrap="wrap">
        <Text size="sm">Next: {s.nextMeetingAt ? whenLabel(s.nextMeetingAt) : 'none planned'}</Text>
        <Text size="sm">Last held: {s.lastHeldAt ? dayLabel(s.lastHeldAt) : 'not yet'}</Text>
      </Group>
    </Card>
  );
}

function CadenceReport({ weeks, onWeeks, everyone }: { weeks: number; onWeeks: (w: number) => void; everyone: boolean }) {
  const q = useInfiniteQuery(oneOnOneQueries.cadence(weeks));
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm">{everyone ? 'Everyone in the organisation' : 'The people below you in the org chart'} who has not had a 1:1 held in the chosen time.</Text>
      <NumberInput label="No 1:1 held in the last (weeks)" min={1} max={52} value={weeks} onChange={(v) => Number(v) >= 1 && Number(v) <= 52 && onWeeks(Number(v))} w={260} />
      <ErrorAlert error={q.error} />
      {q.isLoading ? (
        <Loading label="Loading the cadence report" />
      ) : q.isError ? null : rows.length === 0 ? (
        <EmptyText>Everyone has had a 1:1 in the last {weeks} weeks.</EmptyText>
      ) : (
        <>
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Manager</Table.Th>
                  <Table.Th>Last 1:1 held</Table.Th>
                  <Table.Th>Series</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.personId}>
                    <Table.Td>
                      <Anchor component={Link} to="/people/$id" params={{ id: r.personId } as never} size="sm">
                        {r.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.managerName ?? '—'}</Table.Td>
                    <Table.Td>{r.lastHeldAt ? dayLabel(r.lastHeldAt) : 'Never'}</Table.Td>
                    <Table.Td>{r.hasActiveSeries ? 'Has a series' : 'No series'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore hasMore={!!q.hasNextPage} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} />
        </>
      )}
    </Stack>
  );
}

/** The next full hour tomorrow, as a datetime-local value. */
function tomorrowAtNine() {
  const d = new Date(Date.now() + 86_400_000);
  d.setHours(9, 0, 0, 0);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T09:00`;
}

export function StartSeriesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Start a 1:1" styles={drawerTitle}>
      {opened && <StartForm onClose={onClose} />}
    </Modal>
  );
}

function StartForm({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const me = useMe().data;
  const [withId, setWithId] = useState<string | null>(null);
  const [cadence, setCadence] = useState<Cadence>('weekly');
  const [startsAt, setStartsAt] = useState(tomorrowAtNine);
  const [duration, setDuration] = useState<number | string>(30);
  const [location, setLocation] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const start = useMutation({
    mutationFn: () =>
      oneOnOneApi.start({
        withPersonId: withId!,
        cadence,
        startsAt: new Date(startsAt).toISOString(),
        durationMinutes: Number(duration),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        location: location.trim() || null,
      }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: oneOnOneKeys.all });
      onClose();
      void navigate({ to: '/one-on-ones/$id', params: { id: s.id } as never });
    },
  });
  const server = fieldErrors(start.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const errs: Record<string, string> = {};
        if (!withId) errs.withPersonId = 'Choose who you meet';
        if (!startsAt || Number.isNaN(new Date(startsAt).getTime())) errs.startsAt = 'Choose the date and time of the first meeting';
        const d = Number(duration);
        if (!Number.isInteger(d) || d < 5 || d > 480) errs.durationMinutes = 'Between 5 and 480 minutes';
        setLocal(errs);
        if (!Object.keys(errs).length) start.mutate();
      }}
    >
      <Stack>
        {/* A conflict (a series with them already) says so in its message; field errors show at their fields. */}
        <ErrorAlert error={start.error && (!Object.keys(server).length || (start.error instanceof ApiError && start.error.status === 409)) ? start.error : null} title="Could not start the 1:1" />
        <PersonPicker label="With" value={withId} onChange={(id) => setWithId(id)} exclude={me?.personId} error={local.withPersonId ?? server.withPersonId} />
        <Select
          label="How often"
          data={(['weekly', 'biweekly', 'monthly'] as const).map((c) => ({ value: c, label: cadenceLabels[c] }))}
          value={cadence}
          onChange={(v) => setCadence((v as Cadence) ?? 'weekly')}
          allowDeselect={false}
        />
        <TextInput label="First meeting" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} error={local.startsAt ?? server.startsAt} required />
        <NumberInput label="Duration (minutes)" min={5} max={480} step={5} value={duration} onChange={setDuration} error={local.durationMinutes ?? server.durationMinutes} />
        <TextInput label="Where" description="A room or a video link (optional)" value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={server.location} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={start.isPending}>
            Start 1:1
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Anchor, Badge, Button, Group, Popover, SimpleGrid, Stack, Table, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowsSort, IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { hasRole, useMe } from '../../../lib/me.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { phaseLabels } from '../reviews/format.ts';
import { AdjustDialog } from './AdjustDialog.tsx';
import { calibrationApi, calibrationKeys, calibrationQueries, type Grid, type GridSubject } from './api.ts';
import { DistributionChart, ManagersTable } from './Distribution.tsx';
import { NineBox } from './NineBox.tsx';
import { potentialLabels, rating, scopeText, searchSubjects, sortSubjects, sourceLabels, type SortKey } from './format.ts';
import { ScrollTable } from '../reviews/ScrollTable.tsx';

/** `/calibration/$id`: a session's grid, its distribution, each manager's leniency and the 9-box; HR and the session's calibrators. */
export default function SessionPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery(calibrationQueries.grid(id));
  const me = useMe().data;
  const [picked, setPicked] = useState<string | null>(null);
  if (q.isLoading) return <Loading label="Loading the calibration session" />;
  if (q.error instanceof ApiError && q.error.status === 404) return <EmptyText>No such calibration session.</EmptyText>;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const g = q.data;
  const s = g.session;
  const isHr = hasRole(me, 'hr_admin');
  const open = !s.locked && (s.cycle.phase === 'writing' || s.cycle.phase === 'calibration');
  const pick = open ? (row: GridSubject) => setPicked(row.subject.id) : undefined;
  const pickedRow = g.subjects.find((r) => r.subject.id === picked) ?? null;
  return (
    <Stack>
      <PageHeader
        title={s.name}
        description={`${s.cycle.name} · ${scopeText(s)} · calibrators: ${s.calibrators.length ? s.calibrators.map((p) => p.name).join(', ') : 'HR only'}`}
        actions={
          <Group gap="sm">
            <Badge variant="light" color={s.locked ? 'gray' : 'blue'} size="lg">
              {s.locked ? 'Locked' : 'Open'}
            </Badge>
            {isHr && open && <LockButton grid={g} />}
          </Group>
        }
      />
      {isHr && (
        <Anchor component={Link} to="/admin/reviews/cycles/$id/calibration" params={{ id: s.cycle.id } as never} size="sm">
          Back to the cycle’s sessions
        </Anchor>
      )}
      {s.locked ? (
        <Alert color="gray" title="Locked">
          Locked on {new Date(s.lockedAt!).toLocaleDateString()}: the finals are fixed and the cycle’s rater leniency is written. The grid is read-only.
        </Alert>
      ) : (
        !open && (
          <Alert color="gray" title="Read-only">
            The cycle is in its {phaseLabels[s.cycle.phase].toLowerCase()} phase: calibration is over.
          </Alert>
        )
      )}
      <SectionCard title="People">
        <SubjectsTable grid={g} onPick={pick} />
      </SectionCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <SectionCard title="Distribution of final ratings">
          <DistributionChart grid={g} />
        </SectionCard>
        <SectionCard title="9-box">
          <NineBox grid={g} onPick={pick} />
        </SectionCard>
      </SimpleGrid>
      <SectionCard title="Managers">
        <ManagersTable grid={g} canReadHistory={isHr} />
      </SectionCard>
      <AdjustDialog grid={g} subject={pickedRow} onClose={() => setPicked(null)} />
    </Stack>
  );
}

function LockButton({ grid }: { grid: Grid }) {
  const qc = useQueryClient();
  const lock = useMutation({
    mutationFn: () => calibrationApi.lock(grid.session.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: calibrationKeys.all });
      notifications.show({ color: 'teal', message: 'Session locked: the finals are fixed.' });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Could not lock the session', message: (err as Error).message }),
  });
  const unrated = grid.subjects.filter((s) => s.finalRating === null).length;
  const unplaced = grid.subjects.filter((s) => s.potential === null).length;
  return (
    <Button
      loading={lock.isPending}
      onClick={() =>
        modals.openConfirmModal({
          title: `Lock ${grid.session.name}?`,
          children: (
            <Stack gap="xs">
              <Text size="sm">
                The {grid.subjects.length === 1 ? 'final rating is' : `${grid.subjects.length} final ratings are`} fixed as they stand (the proposed score wherever nobody changed it) and the cycle’s rater leniency is written. Nothing in the session can change afterwards.
              </Text>
              {(unrated > 0 || unplaced > 0) && (
                <Text size="sm">
                  {unrated > 0 && `${unrated} without a final rating. `}
                  {unplaced > 0 && `${unplaced} without a potential.`}
                </Text>
              )}
            </Stack>
          ),
          labels: { confirm: 'Lock', cancel: 'Cancel' },
          confirmProps: { color: 'red' },
          closeButtonProps: { 'aria-label': 'Close' },
          onConfirm: () => lock.mutate(),
        })
      }
    >
      Lock session
    </Button>
  );
}

const columns: Array<{ key: SortKey; label: string }> = [
  { key: 'name', label: 'Person' },
  { key: 'manager', label: 'Manager' },
  { key: 'proposed', label: 'Proposed' },
  { key: 'final', label: 'Final' },
  { key: 'potential', label: 'Potential' },
  { key: 'box', label: '9-box' },
];

function SubjectsTable({ grid, onPick }: { grid: Grid; onPick?: (s: GridSubject) => void }) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const rows = useMemo(() => sortSubjects(searchSubjects(grid.subjects, search), sort.key, sort.dir), [grid.subjects, search, sort]);
  if (!grid.subjects.length) return <EmptyText>Nobody in this session’s scope takes part in the cycle.</EmptyText>;
  const toggle = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'name' || key === 'manager' ? 'asc' : 'desc' }));
  return (
    <Stack gap="sm">
      <TextInput
        label="Search this session"
        placeholder="Name, job title, manager or department"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {rows.length === grid.subjects.length ? `${rows.length} ${rows.length === 1 ? 'person' : 'people'}` : `${rows.length} of ${grid.subjects.length} people`}
      </Text>
      <ScrollTable label="People to calibrate" minWidth={780}>
        <Table aria-label="Calibration grid" verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const active = sort.key === c.key;
                const Icon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconSortAscending : IconSortDescending;
                return (
                  <Table.Th key={c.key} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <UnstyledButton onClick={() => toggle(c.key)} fw={700} fz="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                      {c.label}
                      <Icon size={14} aria-hidden />
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.subject.id} data-testid="calibration-row">
                <Table.Td>
                  <Text size="sm">{s.subject.name}</Text>
                  {s.subject.jobTitle && (
                    <Text size="xs" c="dimmed">
                      {s.subject.jobTitle}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{s.manager?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <ScoreParts s={s} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={s.adjusted ? 700 : undefined}>
                    {rating(s.finalRating)}
                  </Text>
                  {s.adjusted && (
                    <Text size="xs" c="dimmed" lineClamp={2} title={s.reason ?? undefined}>
                      Adjusted{s.adjustedBy ? ` by ${s.adjustedBy.name}` : ''}: {s.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{s.potential ? potentialLabels[s.potential as 1 | 2 | 3] : '—'}</Table.Td>
                <Table.Td>{s.boxName ?? '—'}</Table.Td>
                <Table.Td>
                  {s.calibratedInOtherSession ? (
                    <Badge variant="light" color="gray">
                      In another session
                    </Badge>
                  ) : (
                    onPick &&
                    s.editable && (
                      <Button size="compact-sm" variant="light" onClick={() => onPick(s)}>
                        Calibrate<VisuallyHidden> {s.subject.name}</VisuallyHidden>
                      </Button>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {!rows.length && <EmptyText>Nobody matches “{search}”.</EmptyText>}
    </Stack>
  );
}

/** The proposed score; its parts (each relationship's mean, weight and share) open beside it. */
function ScoreParts({ s }: { s: GridSubject }) {
  if (s.proposed.score === null)
    return (
      <Text size="sm" c="dimmed">
        No ratings
      </Text>
    );
  return (
    <Popover position="bottom-start" withArrow shadow="md" trapFocus={false} returnFocus>
      <Popover.Target>
        <UnstyledButton fz="sm" td="underline" style={{ textDecorationStyle: 'dotted' }}>
          {rating(s.proposed.score)}
          <VisuallyHidden> parts of {s.subject.name}’s score</VisuallyHidden>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" aria-label={`Parts of ${s.subject.name}’s score`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Part</Table.Th>
              <Table.Th>Rating</Table.Th>
              <Table.Th>Share</Table.Th>
              <Table.Th>Reviews</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.proposed.parts.map((p) => (
              <Table.Tr key={p.source} c={p.used ? undefined : 'dimmed'}>
                <Table.Td>{sourceLabels[p.source]}</Table.Td>
                <Table.Td>{rating(p.value)}</Table.Td>
                <Table.Td>{p.used ? `${Math.round(p.share * 100)}%` : 'not used'}</Table.Td>
                <Table.Td>{p.reviews}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {s.proposed.reweighted && (
          <Text size="xs" c="dimmed" mt={4} maw={260}>
            Re-weighted: parts without answers drop out and the others share their weight.
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

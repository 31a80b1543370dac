import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Box, Button, Checkbox, Group, List, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { modals } from '@mantine/modals';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { adminQueries } from '../../admin/api.ts';
import { PeopleMultiSelect } from '../../people/PeopleMultiSelect.tsx';
import { PersonPicker } from '../../people/PersonPicker.tsx';
import { reviewApi, reviewKeys, reviewQueries, type Cycle, type CycleCreateBody, type Phase } from './api.ts';
import { ScrollTable } from './ScrollTable.tsx';
import { readableErrors } from './ReviewForm.tsx';
import { count, dayLabel, nextPhase, phaseColors, phaseLabels, relationshipLabels } from './format.ts';

/** `/admin/reviews/cycles/new` sets one up; `/admin/reviews/cycles/$id` edits, previews, launches and follows it. */
export default function CyclePage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const isNew = id === 'new';
  const q = useQuery({ ...reviewQueries.cycle(id), enabled: !isNew });
  if (isNew)
    return (
      <Stack>
        <PageHeader title="New review cycle" description="Set it up as a draft; preview who takes part, then launch it." />
        <Anchor component={Link} to="/admin/reviews" size="sm">
          Back to review cycles
        </Anchor>
        <CycleForm cycle={null} />
      </Stack>
    );
  if (q.isLoading) return <Loading label="Loading the cycle" />;
  if (q.error instanceof ApiError && q.error.status === 404) return <EmptyText>No such review cycle.</EmptyText>;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <Stack>
      <PageHeader
        title={c.name}
        description={`${c.templateName}${c.templateVersion ? ` (version ${c.templateVersion})` : ''} · period ${dayLabel(c.periodStartsOn)} – ${dayLabel(c.periodEndsOn)}`}
        actions={
          <Badge variant="light" color={phaseColors[c.phase]} size="lg">
            {phaseLabels[c.phase]}
          </Badge>
        }
      />
      <Anchor component={Link} to="/admin/reviews" size="sm">
        Back to review cycles
      </Anchor>
      {c.phase === 'draft' ? <Launch c={c} /> : <PhaseControls c={c} />}
      {c.launchedAt && <ProgressBoard c={c} />}
      {c.launchedAt && <OpenPerson c={c} />}
      {c.launchedAt && <Anchor component={Link} to="/admin/reviews/cycles/$id/calibration" params={{ id: c.id } as never} size="sm">Calibration sessions</Anchor>}
      <SectionCard title={c.phase === 'draft' ? 'Setup' : 'Name and dates'}>
        <CycleForm key={c.id} cycle={c} />
      </SectionCard>
    </Stack>
  );
}

type Form = {
  name: string;
  templateId: string | null;
  periodStartsOn: string;
  periodEndsOn: string;
  nominationEndsOn: string;
  writingEndsOn: string;
  calibrationEndsOn: string;
  sharingStartsOn: string;
  departmentIds: string[];
  groupIds: string[];
  hiredBefore: string;
  excludePersonIds: string[];
  self: boolean;
  manager: boolean;
  upward: boolean;
  peers: boolean;
  peersMin: number | string;
  peersMax: number | string;
  peerAnonymous: boolean;
  upwardAnonymous: boolean;
  anonymityMinimum: number | string;
};

const year = new Date().getFullYear();
const blank = (): Form => ({
  name: '',
  templateId: null,
  periodStartsOn: `${year}-01-01`,
  periodEndsOn: `${year}-12-31`,
  nominationEndsOn: '',
  writingEndsOn: '',
  calibrationEndsOn: '',
  sharingStartsOn: '',
  departmentIds: [],
  groupIds: [],
  hiredBefore: '',
  excludePersonIds: [],
  self: true,
  manager: true,
  upward: false,
  peers: false,
  peersMin: 2,
  peersMax: 4,
  peerAnonymous: true,
  upwardAnonymous: true,
  anonymityMinimum: 3,
});
const fromCycle = (c: Cycle): Form => ({
  name: c.name,
  templateId: c.templateId,
  periodStartsOn: c.periodStartsOn,
  periodEndsOn: c.periodEndsOn,
  nominationEndsOn: c.nominationEndsOn ?? '',
  writingEndsOn: c.writingEndsOn,
  calibrationEndsOn: c.calibrationEndsOn ?? '',
  sharingStartsOn: c.sharingStartsOn ?? '',
  departmentIds: c.participants.departmentIds,
  groupIds: c.participants.groupIds,
  hiredBefore: c.participants.hiredBefore ?? '',
  excludePersonIds: c.participants.excludePersonIds,
  self: c.relationships.self,
  manager: c.relationships.manager,
  upward: c.relationships.upward,
  peers: !!c.relationships.peers,
  peersMin: c.relationships.peers?.min ?? 2,
  peersMax: c.relationships.peers?.max ?? 4,
  peerAnonymous: c.peerAnonymous,
  upwardAnonymous: c.upwardAnonymous,
  anonymityMinimum: c.anonymityMinimum,
});

function CycleForm({ cycle }: { cycle: Cycle | null }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [f, setF] = useState<Form>(() => (cycle ? fromCycle(cycle) : blank()));
  const set = (patch: Partial<Form>) => setF((x) => ({ ...x, ...patch }));
  const templates = useQuery(reviewQueries.templates());
  const depts = useQuery(adminQueries.departmentsToAssign());
  const groups = useQuery(adminQueries.groupsToAssign());
  const launched = !!cycle && cycle.phase !== 'draft';
  const dates = {
    periodStartsOn: f.periodStartsOn,
    periodEndsOn: f.periodEndsOn,
    nominationEndsOn: f.peers ? f.nominationEndsOn || null : null,
    writingEndsOn: f.writingEndsOn,
    calibrationEndsOn: f.calibrationEndsOn || null,
    sharingStartsOn: f.sharingStartsOn || null,
  };
  const save = useMutation({
    mutationFn: () => {
      if (launched) return reviewApi.updateCycle(cycle.id, { name: f.name, ...dates });
      const body: CycleCreateBody = {
        name: f.name,
        templateId: f.templateId ?? '',
        ...dates,
        participants: { departmentIds: f.departmentIds, groupIds: f.groupIds, hiredBefore: f.hiredBefore || null, excludePersonIds: f.excludePersonIds },
        relationships: { self: f.self, manager: f.manager, upward: f.upward, peers: f.peers ? { min: Number(f.peersMin), max: Number(f.peersMax) } : null },
        peerAnonymous: f.peerAnonymous,
        upwardAnonymous: f.upwardAnonymous,
        anonymityMinimum: Number(f.anonymityMinimum),
      };
      return cycle ? reviewApi.updateCycle(cycle.id, body) : reviewApi.createCycle(body);
    },
    onSuccess: (c) => {
      qc.setQueryData(reviewKeys.cycle(c.id), c);
      void qc.invalidateQueries({ queryKey: reviewKeys.cycles });
      notifications.show({ color: 'teal', message: cycle ? 'Cycle saved.' : 'Cycle created as a draft.' });
      if (!cycle) void navigate({ to: '/admin/reviews/cycles/$id', params: { id: c.id } as never, replace: true });
    },
  });
  const err = fieldErrors(save.error);
  const refused = save.error instanceof ApiError ? save.error : null;
  const generalErrors = refused?.details.filter((d) => !d.path || !(d.path in fieldLabels)) ?? [];
  const date = (k: keyof typeof dates, label: string, required = false, description?: string) => (
    <TextInput type="date" label={label} description={description} required={required} value={f[k]} onChange={(e) => set({ [k]: e.currentTarget.value })} error={err[k]} />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
      style={readableErrors}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" required value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} error={err.name} maxLength={120} />
          <Select
            label="Template"
            required
            disabled={launched}
            placeholder={templates.isLoading ? 'Loading templates…' : 'Choose a template'}
            data={(templates.data?.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={f.templateId}
            onChange={(v) => set({ templateId: v })}
            error={err.templateId ?? (templates.error ? 'Could not load templates' : undefined)}
            nothingFoundMessage="No templates: build one first"
            searchable
          />
        </SimpleGrid>
        <Text fw={600}>Period and phases</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {date('periodStartsOn', 'Period starts on', true)}
          {date('periodEndsOn', 'Period ends on', true)}
          {f.peers && date('nominationEndsOn', 'Nominations end on')}
          {date('writingEndsOn', 'Writing ends on', true, 'The due date reviewers see')}
          {date('calibrationEndsOn', 'Calibration ends on')}
          {date('sharingStartsOn', 'Sharing starts on')}
        </SimpleGrid>
        <Text fw={600}>Who takes part</Text>
        <Text size="sm">Everyone active, narrowed to the departments (with their sub-departments), groups and hire date chosen, minus the people excluded.</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label="Departments"
            disabled={launched}
            searchable
            placeholder={f.departmentIds.length ? undefined : 'Every department'}
            data={(depts.data?.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={f.departmentIds}
            onChange={(v) => set({ departmentIds: v })}
            error={err['participants.departmentIds']}
            nothingFoundMessage="No department matches"
          />
          <MultiSelect
            label="Groups"
            disabled={launched}
            searchable
            placeholder={f.groupIds.length ? undefined : 'Any group'}
            data={(groups.data?.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={f.groupIds}
            onChange={(v) => set({ groupIds: v })}
            error={err['participants.groupIds']}
            nothingFoundMessage="No group matches"
          />
          <TextInput type="date" label="Hired before" disabled={launched} value={f.hiredBefore} onChange={(e) => set({ hiredBefore: e.currentTarget.value })} error={err['participants.hiredBefore']} />
          {launched ? (
            <TextInput label="Excluded" disabled value={count(f.excludePersonIds.length, 'person', 'people')} readOnly />
          ) : (
            <PeopleMultiSelect label="Excluded" value={f.excludePersonIds} onChange={(v) => set({ excludePersonIds: v })} error={err['participants.excludePersonIds']} />
          )}
        </SimpleGrid>
        <Text fw={600}>Who writes reviews</Text>
        <Group gap="lg" wrap="wrap">
          <Checkbox label="Self-review" disabled={launched} checked={f.self} onChange={(e) => set({ self: e.currentTarget.checked })} />
          <Checkbox label="Manager" disabled={launched} checked={f.manager} onChange={(e) => set({ manager: e.currentTarget.checked })} />
          <Checkbox label="Upward (reports review their manager)" disabled={launched} checked={f.upward} onChange={(e) => set({ upward: e.currentTarget.checked })} />
          <Checkbox label="Peers, nominated and approved" disabled={launched} checked={f.peers} onChange={(e) => set({ peers: e.currentTarget.checked })} />
        </Group>
        {err.relationships && (
          <Text size="sm" c="red.9">
            {err.relationships}
          </Text>
        )}
        {f.peers && (
          <Group gap="sm" wrap="wrap" align="flex-start">
            <NumberInput label="Fewest peers" disabled={launched} min={0} max={20} w={150} value={f.peersMin} onChange={(v) => set({ peersMin: v })} error={err['relationships.peers.min']} />
            <NumberInput label="Most peers" disabled={launched} min={1} max={20} w={150} value={f.peersMax} onChange={(v) => set({ peersMax: v })} error={err['relationships.peers.max']} />
          </Group>
        )}
        <Text fw={600}>Anonymity</Text>
        <Group gap="lg" wrap="wrap" align="flex-end">
          <Switch label="Peers are anonymous to the person reviewed" disabled={launched} checked={f.peerAnonymous} onChange={(e) => set({ peerAnonymous: e.currentTarget.checked })} />
          <Switch label="Upward reviewers are anonymous" disabled={launched} checked={f.upwardAnonymous} onChange={(e) => set({ upwardAnonymous: e.currentTarget.checked })} />
          <NumberInput
            label="Anonymity minimum"
            description="Fewer anonymous answers to a question than this, and none are shown"
            disabled={launched}
            min={1}
            max={20}
            w={260}
            value={f.anonymityMinimum}
            onChange={(v) => set({ anonymityMinimum: v })}
            error={err.anonymityMinimum}
          />
        </Group>
        {generalErrors.length > 0 ? (
          <Alert color="red" role="alert" title={refused?.message}>
            {generalErrors.map((d, i) => (
              <Text key={i} size="sm">
                {d.message}
              </Text>
            ))}
          </Alert>
        ) : (
          refused && refused.status !== 400 && <ErrorAlert error={refused} title="Could not save" />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {cycle ? 'Save cycle' : 'Create cycle'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The paths the form shows at a field; anything else goes to the alert under it. */
const fieldLabels: Record<string, true> = Object.fromEntries(
  [
    'name',
    'templateId',
    'periodStartsOn',
    'periodEndsOn',
    'nominationEndsOn',
    'writingEndsOn',
    'calibrationEndsOn',
    'sharingStartsOn',
    'participants.departmentIds',
    'participants.groupIds',
    'participants.hiredBefore',
    'participants.excludePersonIds',
    'relationships',
    'relationships.peers.min',
    'relationships.peers.max',
    'anonymityMinimum',
  ].map((k) => [k, true]),
);

/** The dry run, then Launch. */
function Launch({ c }: { c: Cycle }) {
  const qc = useQueryClient();
  const dry = useMutation({ mutationFn: () => reviewApi.dryRun(c.id) });
  const launch = useMutation({
    mutationFn: () => reviewApi.launch(c.id),
    onSuccess: (r) => {
      if (r.cycle) qc.setQueryData(reviewKeys.cycle(c.id), r.cycle);
      void qc.invalidateQueries({ queryKey: reviewKeys.cycles });
      void qc.invalidateQueries({ queryKey: reviewKeys.all });
      notifications.show({ color: 'teal', message: `Launched for ${count(r.participants, 'person', 'people')}: ${count(r.reviews, 'review')} to write.` });
    },
  });
  const d = dry.data;
  return (
    <SectionCard title="Launch">
      <Stack gap="sm">
        <Text size="sm">
          Launching makes every {[c.relationships.self && 'self', c.relationships.manager && 'manager', c.relationships.upward && 'upward'].filter(Boolean).join(', ') || 'peer'} review at once
          {c.relationships.peers ? ' and opens peer nominations' : ''}. Save your changes to the setup first: the preview counts what is saved.
        </Text>
        <Group>
          <Button variant="default" onClick={() => dry.mutate()} loading={dry.isPending}>
            Preview participants
          </Button>
        </Group>
        <ErrorAlert error={dry.error ?? launch.error} />
        {d && (
          <Alert color={d.participants ? 'blue' : 'yellow'} variant="light" title={`${count(d.participants, 'person', 'people')} would take part`} role="status">
            {d.sample.length > 0 && (
              <>
                <Text size="sm">{d.participants > d.sample.length ? `Among them:` : 'They are:'}</Text>
                <List size="sm">
                  {d.sample.map((p) => (
                    <List.Item key={p.id}>{p.name}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        )}
        {d && d.participants > 0 && (
          <Group justify="flex-end">
            <Button
              onClick={() =>
                modals.openConfirmModal({
                  title: `Launch ${c.name}?`,
                  children: <Text size="sm">{d.participants === 1 ? '1 person takes' : `${d.participants} people take`} part. Their reviewers are told, and the setup can no longer change (the name and dates still can).</Text>,
                  labels: { confirm: 'Launch', cancel: 'Cancel' },
                  closeButtonProps: { 'aria-label': 'Close' },
                  onConfirm: () => launch.mutate(),
                })
              }
              loading={launch.isPending}
            >
              Launch
            </Button>
          </Group>
        )}
      </Stack>
    </SectionCard>
  );
}

const phaseNotes: Partial<Record<Phase, string>> = {
  writing: 'Nominations close; approved peers get their reviews and everyone can write.',
  calibration: 'Writing closes; reviews still open can be reopened and written.',
  sharing: 'Managers and HR can share reviews with the people reviewed.',
  closed: 'The cycle ends; shared reviews can still be acknowledged.',
};

function PhaseControls({ c }: { c: Cycle }) {
  const qc = useQueryClient();
  const next = nextPhase(c.phase);
  const move = useMutation({
    mutationFn: (p: Phase) => reviewApi.movePhase(c.id, p),
    onSuccess: (x) => {
      qc.setQueryData(reviewKeys.cycle(c.id), x);
      void qc.invalidateQueries({ queryKey: reviewKeys.cycles });
      void qc.invalidateQueries({ queryKey: reviewKeys.all });
      notifications.show({ color: 'teal', message: `The cycle is in ${phaseLabels[x.phase].toLowerCase()} now.` });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Could not move the cycle', message: (e as Error).message }),
  });
  const share = useMutation({
    mutationFn: () => reviewApi.releaseAll(c.id),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: reviewKeys.cycles });
      void qc.invalidateQueries({ queryKey: reviewKeys.all });
      notifications.show({ color: 'teal', message: `Shared with ${count(r.released, 'person', 'people')}; ${count(r.assessments, 'skill rating')} recorded.` });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Could not share', message: (e as Error).message }),
  });
  const unshared = c.counts.participants - c.counts.released;
  return (
    <SectionCard title="Phase">
      <Stack gap="sm">
        <Text size="sm">
          {count(c.counts.participants, 'person', 'people')} · {c.counts.submitted} of {c.counts.reviews} reviews submitted · {c.counts.released} shared · {c.counts.acknowledged} acknowledged
        </Text>
        <Group gap="sm" wrap="wrap">
          {next && (
            <Button
              onClick={() =>
                modals.openConfirmModal({
                  title: `Move ${c.name} to ${phaseLabels[next].toLowerCase()}?`,
                  children: <Text size="sm">{phaseNotes[next]} Phases only go forward.</Text>,
                  labels: { confirm: `Move to ${phaseLabels[next].toLowerCase()}`, cancel: 'Cancel' },
                  closeButtonProps: { 'aria-label': 'Close' },
                  onConfirm: () => move.mutate(next),
                })
              }
              loading={move.isPending}
            >
              Move to {phaseLabels[next].toLowerCase()}
            </Button>
          )}
          {c.phase === 'sharing' && (
            <Button
              variant="light"
              disabled={unshared <= 0}
              onClick={() =>
                modals.openConfirmModal({
                  title: 'Share all reviews?',
                  children: <Text size="sm">{count(unshared, 'person', 'people')} not yet shared will read their reviews: anonymous answers without names, hidden questions left out. You are never the one to share your own.</Text>,
                  labels: { confirm: 'Share all', cancel: 'Cancel' },
                  closeButtonProps: { 'aria-label': 'Close' },
                  onConfirm: () => share.mutate(),
                })
              }
              loading={share.isPending}
            >
              Share all reviews
            </Button>
          )}
        </Group>
      </Stack>
    </SectionCard>
  );
}

const statusSeries = [
  { name: 'Not started', color: 'gray.6', key: 'not_started' },
  { name: 'Draft', color: 'yellow.6', key: 'draft' },
  { name: 'Submitted', color: 'teal.7', key: 'submitted' },
] as const;

function ProgressBoard({ c }: { c: Cycle }) {
  const [by, setBy] = useState<'manager' | 'department'>('manager');
  const q = useQuery(reviewQueries.progress(c.id, by));
  const p = q.data;
  const chart = (p?.groups ?? []).map((g) => ({ group: g.name, 'Not started': g.not_started, Draft: g.draft, Submitted: g.submitted }));
  return (
    <SectionCard title="Progress">
      <Stack gap="sm">
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as 'manager' | 'department')}
          data={[
            { value: 'manager', label: 'By manager' },
            { value: 'department', label: 'By department' },
          ]}
          aria-label="Group progress"
          w="fit-content"
        />
        <ErrorAlert error={q.error} />
        {q.isLoading ? (
          <Loading label="Loading progress" />
        ) : !p ? null : p.overall.total === 0 ? (
          <EmptyText>No reviews yet.</EmptyText>
        ) : (
          <>
            <Text size="sm">
              Overall: {p.overall.submitted} submitted, {p.overall.draft} in draft, {p.overall.not_started} not started ({p.byRelationship.map((r) => `${relationshipLabels[r.relationship]} ${r.submitted}/${r.total}`).join(' · ')})
            </Text>
            {chart.length > 1 && (
              <Box component="figure" m={0} aria-hidden>
                <BarChart
                  h={60 + chart.length * 36}
                  data={chart}
                  dataKey="group"
                  type="stacked"
                  orientation="vertical"
                  series={statusSeries.map((s) => ({ name: s.name, color: s.color }))}
                  yAxisProps={{ width: 140 }}
                  withTooltip={false}
                  withLegend
                  barProps={{ isAnimationActive: false }}
                  accessibilityLayer={false}
                />
              </Box>
            )}
            <ScrollTable label="Table of progress" minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{by === 'manager' ? 'Manager' : 'Department'}</Table.Th>
                    <Table.Th>People</Table.Th>
                    <Table.Th>Not started</Table.Th>
                    <Table.Th>Draft</Table.Th>
                    <Table.Th>Submitted</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.groups.map((g) => (
                    <Table.Tr key={g.id ?? 'none'}>
                      <Table.Td>{g.name}</Table.Td>
                      <Table.Td>{g.participants}</Table.Td>
                      <Table.Td>{g.not_started}</Table.Td>
                      <Table.Td>{g.draft}</Table.Td>
                      <Table.Td>
                        {g.submitted} of {g.total}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </>
        )}
      </Stack>
    </SectionCard>
  );
}

/** HR opens one participant's reviews (results, reopen, release) by name. */
function OpenPerson({ c }: { c: Cycle }) {
  const navigate = useNavigate();
  return (
    <SectionCard title="A person's reviews">
      <PersonPicker
        label="Open the reviews of"
        value={null}
        onChange={(id) => id && void navigate({ to: '/reviews/cycles/$cycleId/people/$personId', params: { cycleId: c.id, personId: id } as never })}
      />
    </SectionCard>
  );
}

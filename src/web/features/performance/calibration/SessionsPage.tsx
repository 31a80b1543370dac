import { ActionIcon, Anchor, Badge, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, FormActions, Loading, drawerTitle } from '../../../ui/common.tsx';
import { adminQueries } from '../../admin/api.ts';
import { PeopleMultiSelect } from '../../people/PeopleMultiSelect.tsx';
import { PersonPicker } from '../../people/PersonPicker.tsx';
import { reviewQueries, type Cycle } from '../reviews/api.ts';
import { phaseColors, phaseLabels } from '../reviews/format.ts';
import { calibrationApi, calibrationKeys, calibrationQueries, type SessionCreateBody } from './api.ts';
import { defaultGuideline, guidelineFromRows, point, scopeText, type GuidelineRow } from './format.ts';
import { readableErrors } from '../reviews/ReviewForm.tsx';
import { ScrollTable } from '../reviews/ScrollTable.tsx';

const calibratable = new Set<Cycle['phase']>(['writing', 'calibration']);

/** `/admin/reviews/cycles/$id/calibration`: HR lists a cycle's calibration sessions and opens new ones. */
export default function SessionsPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const cycle = useQuery(reviewQueries.cycle(id));
  const sessions = useQuery(calibrationQueries.sessions(id));
  const [creating, setCreating] = useState(false);
  if (cycle.isLoading) return <Loading label="Loading the cycle" />;
  if (cycle.error instanceof ApiError && cycle.error.status === 404) return <EmptyText>No such review cycle.</EmptyText>;
  if (!cycle.data) return <ErrorAlert error={cycle.error} />;
  const c = cycle.data;
  const open = calibratable.has(c.phase);
  return (
    <Stack>
      <PageHeader
        title={`Calibration: ${c.name}`}
        description="Sessions where HR and the calibrating managers compare proposed scores, agree final ratings and potential, and place people on the 9-box."
        actions={
          <Group gap="sm">
            <Badge variant="light" color={phaseColors[c.phase]} size="lg">
              {phaseLabels[c.phase]}
            </Badge>
            {open && <Button onClick={() => setCreating(true)}>New session</Button>}
          </Group>
        }
      />
      <Group gap="md">
        <Anchor component={Link} to="/admin/reviews/cycles/$id" params={{ id: c.id } as never} size="sm">
          Back to the cycle
        </Anchor>
        <Anchor component={Link} to="/admin/reviews/nine-box" size="sm">
          9-box names
        </Anchor>
      </Group>
      {!open && (
        <Text size="sm" c="dimmed">
          {c.phase === 'draft' || c.phase === 'nomination'
            ? 'Sessions open once the cycle is in its writing or calibration phase.'
            : 'The cycle has moved past calibration: its sessions are read-only.'}
        </Text>
      )}
      <ErrorAlert error={sessions.error} />
      {sessions.isLoading ? (
        <Loading label="Loading the sessions" />
      ) : !sessions.data?.data.length ? (
        sessions.data && <EmptyText>No calibration sessions yet{open ? ': open one over a department or a manager’s organisation.' : '.'}</EmptyText>
      ) : (
        <ScrollTable label="Sessions" minWidth={560}>
          <Table verticalSpacing="sm" aria-label="Calibration sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Session</Table.Th>
                <Table.Th>Who is calibrated</Table.Th>
                <Table.Th>Calibrators</Table.Th>
                <Table.Th>State</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to="/calibration/$id" params={{ id: s.id } as never}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{scopeText(s)}</Table.Td>
                  <Table.Td>{s.calibrators.length ? s.calibrators.map((p) => p.name).join(', ') : <Text span c="dimmed" size="sm">HR only</Text>}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={s.locked ? 'gray' : 'blue'}>
                      {s.locked ? 'Locked' : 'Open'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New calibration session" styles={drawerTitle} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
        {creating && <NewSessionForm cycle={c} onClose={() => setCreating(false)} />}
      </Modal>
    </Stack>
  );
}

function NewSessionForm({ cycle, onClose }: { cycle: Cycle; onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const departments = useQuery(adminQueries.departments());
  const template = useQuery(reviewQueries.template(cycle.templateId));
  const [name, setName] = useState('');
  const [scopeType, setScopeType] = useState<'department' | 'manager'>('department');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [managerId, setManagerId] = useState<string | null>(null);
  const [calibratorIds, setCalibratorIds] = useState<string[]>([]);
  const [withGuideline, setWithGuideline] = useState(false);
  const [rows, setRows] = useState<GuidelineRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const scale = (template.data?.body.scale ?? []).map((a) => a.value);

  const create = useMutation({
    mutationFn: (body: SessionCreateBody) => calibrationApi.create(body),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: calibrationKeys.all });
      notifications.show({ color: 'teal', message: `Session ${s.name} opened.` });
      onClose();
      void navigate({ to: '/calibration/$id', params: { id: s.id } });
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Enter a name';
    if (scopeType === 'department' && !departmentId) problems['scope.departmentId'] = 'Choose a department';
    if (scopeType === 'manager' && !managerId) problems['scope.managerId'] = 'Choose a manager';
    const g = withGuideline ? guidelineFromRows(rows) : null;
    if (g && 'error' in g) problems.guideline = g.error;
    setErrors(problems);
    if (Object.keys(problems).length) return;
    create.mutate({
      cycleId: cycle.id,
      name: name.trim(),
      scope: scopeType === 'department' ? { type: 'department', departmentId: departmentId! } : { type: 'manager', managerId: managerId! },
      calibratorIds,
      guideline: g && 'guideline' in g ? g.guideline : null,
    });
  };
  const setRow = (i: number, patch: Partial<GuidelineRow>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const guidelineError = errors.guideline ?? Object.entries(errors).find(([k]) => k.startsWith('guideline.'))?.[1];

  return (
    <form onSubmit={submit} noValidate style={readableErrors}>
      <Stack>
        {create.error && !(create.error instanceof ApiError && create.error.code === 'validation_failed') && <ErrorAlert error={create.error} />}
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-autofocus />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="scope-label">
            Who is calibrated
          </Text>
          <SegmentedControl
            aria-labelledby="scope-label"
            value={scopeType}
            onChange={(v) => setScopeType(v as 'department' | 'manager')}
            data={[
              { value: 'department', label: 'A department' },
              { value: 'manager', label: 'A manager’s organisation' },
            ]}
            w="fit-content"
          />
        </Stack>
        {scopeType === 'department' ? (
          <Select
            label="Department"
            description="Its participants and those of the departments below it, as they were at launch."
            required
            searchable
            data={(departments.data?.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={departmentId}
            onChange={setDepartmentId}
            error={errors['scope.departmentId']}
            nothingFoundMessage="No department found"
          />
        ) : (
          <PersonPicker label="Manager" value={managerId} onChange={(v) => setManagerId(v)} error={errors['scope.managerId']} />
        )}
        <PeopleMultiSelect
          label="Calibrators"
          description="Managers who calibrate with HR: they see this session’s grid and change its entries. Nobody calibrated in it can be one."
          value={calibratorIds}
          onChange={setCalibratorIds}
          error={Object.entries(errors).find(([k]) => k.startsWith('calibratorIds'))?.[1]}
        />
        <Switch
          label="Aim at a distribution of final ratings"
          checked={withGuideline}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setWithGuideline(on);
            if (on && !rows.length) setRows(defaultGuideline(scale));
          }}
        />
        {withGuideline && (
          <Stack gap="xs" role="group" aria-label="Guideline">
            <Text size="sm" c="dimmed">
              Each band starts at its rating and runs to the next one; the percentages are the share of people aimed at and add up to 100%.
            </Text>
            {rows.map((r, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <NumberInput label={`Band ${i + 1} from rating`} value={r.rating} onChange={(v) => setRow(i, { rating: v })} decimalScale={2} w={150} />
                <NumberInput label={`Band ${i + 1} share`} value={r.percent} onChange={(v) => setRow(i, { percent: v })} min={0} max={100} suffix=" %" w={120} />
                <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={`Remove band ${i + 1}`} onClick={() => setRows((x) => x.filter((_, j) => j !== i))}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            ))}
            <Group gap="sm">
              <Button variant="default" size="xs" onClick={() => setRows((x) => [...x, { rating: '', percent: '' }])}>
                Add a band
              </Button>
              {scale.length > 0 && (
                <Text size="xs" c="dimmed">
                  The cycle’s scale: {scale.map(point).join(', ')}
                </Text>
              )}
            </Group>
            {guidelineError && (
              <Text size="sm" c="red.9" role="alert">
                {guidelineError}
              </Text>
            )}
          </Stack>
        )}
        <FormActions onCancel={onClose} label="Open session" loading={create.isPending} />
      </Stack>
    </form>
  );
}

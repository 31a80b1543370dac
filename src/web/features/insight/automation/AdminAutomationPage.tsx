import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { confirmDanger, EmptyText, ErrorAlert, LoadMore, Loading } from '../../../ui/common.tsx';
import { automationApi, automationKeys, automationQueries, eventLabels, type AutomationRule, type AutomationRun } from './api.ts';
import { RuleBuilder } from './RuleBuilder.tsx';

const statusColor = { draft: 'gray', active: 'green', paused: 'yellow', failed: 'red' } as const;
const statusLabel = { draft: 'Draft', active: 'Active', paused: 'Paused', failed: 'Stopped by an error' } as const;

const actionDone: Record<string, string> = {
  enroll: 'Enrolled',
  talkingPoint: '1:1 talking point added',
  planItem: 'Plan item added',
  selfAssessment: 'Self-assessment asked',
  notify: 'Notified',
};

function runText(r: AutomationRun) {
  if (r.status === 'failed') return r.error ?? 'Failed';
  return r.detail
    .map((d) => {
      const what = actionDone[String(d.action)] ?? String(d.action ?? '');
      return d.skipped ? `${d.action ? `${what}: no — ` : ''}${String(d.skipped)}` : what;
    })
    .join(' · ');
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function Runs({ rule }: { rule: AutomationRule }) {
  const runs = useInfiniteQuery(automationQueries.runs(rule.id));
  const list = runs.data?.pages.flatMap((p) => p.data) ?? [];
  if (runs.isLoading) return <Loading label="Loading runs" />;
  if (runs.isError) return <ErrorAlert error={runs.error} />;
  if (!list.length) return <EmptyText>No runs yet.</EmptyText>;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Caption>Recent runs of {rule.name}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Person</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>What it did</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{new Date(r.ranAt).toLocaleString()}</Table.Td>
                <Table.Td>{r.person?.name ?? '—'}</Table.Td>
                <Table.Td><Badge variant="light" color={r.status === 'done' ? 'green' : r.status === 'failed' ? 'red' : 'gray'}>{r.status}</Badge></Table.Td>
                <Table.Td><Text size="sm">{runText(r)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore hasMore={!!runs.hasNextPage} loading={runs.isFetchingNextPage} onClick={() => void runs.fetchNextPage()} />
    </Stack>
  );
}

function RuleRow({ rule, onEdit }: { rule: AutomationRule; onEdit: () => void }) {
  const qc = useQueryClient();
  const [showRuns, setShowRuns] = useState(false);
  const done = (message: string) => () => {
    notifications.show({ color: 'green', message });
    void qc.invalidateQueries({ queryKey: automationKeys.all });
  };
  const failed = (err: unknown) => notifications.show({ color: 'red', message: (err as Error).message });
  const [switching, setSwitching] = useState(false);
  const activate = useMutation({
    mutationFn: (actNow: boolean) => automationApi.activate(rule.id, actNow),
    onSuccess: (_r, actNow) => {
      setSwitching(false);
      done(actNow ? `“${rule.name}” is on: it acts now on everyone it selects, then on each new event` : `“${rule.name}” is on: it acts on each new event`)();
    },
    onError: failed,
  });
  const pause = useMutation({ mutationFn: () => automationApi.pause(rule.id), onSuccess: done(`“${rule.name}” is paused`), onError: failed });
  const remove = useMutation({ mutationFn: () => automationApi.remove(rule.id), onSuccess: done('Rule deleted'), onError: failed });
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text fw={500}>{rule.name}</Text>
          <Text size="xs" c="dimmed">{eventLabels[rule.event]} · {count(rule.conditions.length, 'condition')} · {count(rule.actions.length, 'action')}</Text>
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={statusColor[rule.status]}>{statusLabel[rule.status]}</Badge>
          {rule.lastError && rule.status === 'failed' && <Text size="xs" c="red" mt={4}>{rule.lastError}</Text>}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{rule.runs.done} done · {rule.runs.skipped} skipped · {rule.runs.failed} failed</Text>
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            {rule.status === 'active' ? (
              <Button size="xs" variant="light" color="yellow" onClick={() => pause.mutate()} loading={pause.isPending} aria-label={`Pause ${rule.name}`}>Pause</Button>
            ) : (
              <Button
                size="xs" variant="light" color="green" loading={activate.isPending} aria-label={`Switch on ${rule.name}`}
                onClick={() => setSwitching(true)}
              >
                Switch on
              </Button>
            )}
            <SwitchOnDialog rule={rule} opened={switching} loading={activate.isPending} onClose={() => setSwitching(false)} onConfirm={(actNow) => activate.mutate(actNow)} />
            <Button size="xs" variant="subtle" onClick={onEdit} aria-label={`Edit ${rule.name}`}>Edit</Button>
            <Button size="xs" variant="subtle" onClick={() => setShowRuns((v) => !v)} aria-expanded={showRuns} aria-label={`Runs of ${rule.name}`}>Runs</Button>
            <Button
              size="xs" variant="subtle" color="red" aria-label={`Delete ${rule.name}`}
              onClick={() => confirmDanger({ title: `Delete “${rule.name}”?`, body: 'It stops acting. What it did stays on people’s records and in the audit log.', confirm: 'Delete', onConfirm: () => remove.mutate() })}
            >
              Delete
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
      {showRuns && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <Runs rule={rule} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

export default function AdminAutomationPage() {
  const [open, setOpen] = useState<AutomationRule | 'new' | null>(null);
  const rules = useQuery(automationQueries.rules());
  const list = rules.data?.data ?? [];
  const failed = list.filter((r) => r.status === 'failed');
  return (
    <>
      <PageHeader
        title="Automation rules"
        description="When something happens to a person, act for them: enrol with the reason linked, add a 1:1 talking point or a plan item, ask for a self-assessment, notify someone."
        actions={<Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen('new')}>New rule</Button>}
      />
      <Stack gap="xs">
        {failed.length > 0 && (
          <Alert color="red" title={`${failed.length} ${failed.length === 1 ? 'rule was' : 'rules were'} stopped by an error`}>
            Mend what it names (a course archived, a skill gone), then switch it on again.
          </Alert>
        )}
        <ErrorAlert error={rules.error} />
        {rules.isLoading ? (
          <Loading label="Loading rules" />
        ) : rules.isError ? null : list.length === 0 ? (
          <EmptyText>No automation rules yet. A rule is saved as a draft; preview who it touches, then switch it on.</EmptyText>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Runs</Table.Th>
                  <Table.Th><span className="sr-only">Actions</span></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((r) => <RuleRow key={r.id} rule={r} onEdit={() => setOpen(r)} />)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {open && <RuleBuilder key={open === 'new' ? 'new' : open.id} rule={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
    </>
  );
}

/**
 * Switching on acts on each new event; acting at once on everyone the conditions select now is a
 * choice, off by default, with the number shown ("when a person is hired" must not enrol the company).
 */
function SwitchOnDialog({ rule, opened, loading, onClose, onConfirm }: { rule: AutomationRule; opened: boolean; loading: boolean; onClose: () => void; onConfirm: (actNow: boolean) => void }) {
  const [actNow, setActNow] = useState(false);
  const preview = useQuery({ ...automationQueries.previewSaved(rule.id), enabled: opened });
  const n = preview.data?.count;
  return (
    <Modal opened={opened} onClose={onClose} title={`Switch on “${rule.name}”?`}>
      <Stack>
        <Text size="sm">From now on it acts on each new event ({eventLabels[rule.event].toLowerCase()}).</Text>
        <Checkbox
          checked={actNow}
          onChange={(e) => setActNow(e.currentTarget.checked)}
          label={n === undefined ? 'Also act now on everyone its conditions select' : `Also act now on the ${n.toLocaleString()} ${n === 1 ? 'person' : 'people'} its conditions select`}
          description="Each person once; the preview in Edit shows who."
        />
        {preview.error ? <ErrorAlert error={preview.error} title="Could not count who it selects" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="green" loading={loading} onClick={() => onConfirm(actNow)}>Switch on</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

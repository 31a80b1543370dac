import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { DoneStep, ErrorAlert, drawerTitle } from '../../../ui/common.tsx';
import { adminQueries } from '../../admin/api.ts';
import { PeopleMultiSelect } from '../../people/PeopleMultiSelect.tsx';
import { goalApi, goalKeys, goalQueries, type AssignBody, type Period, type Template } from './api.ts';

const goals = (n: number) => (n === 1 ? '1 goal' : `${n} goals`);
const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/** "Created 37 goals; 3 people already had it." — what an assignment did, or (preview) would do. */
export function assignSummary(r: { created: number; alreadyHad: number }, preview = false): string {
  const made = preview ? `Will create ${goals(r.created)}` : `Created ${goals(r.created)}`;
  if (!r.alreadyHad) return `${made}.`;
  return `${made}; ${people(r.alreadyHad)} already ${preview ? (r.alreadyHad === 1 ? 'has' : 'have') : 'had'} it.`;
}

/** The shortest open period that holds today (the quarter rather than the year), else the first open one. */
function defaultPeriod(list: Period[]): string | null {
  const today = new Date().toISOString().slice(0, 10);
  const open = list.filter((p) => !p.closedAt);
  const current = open.filter((p) => p.startsOn <= today && today <= p.endsOn).sort((a, b) => (a.endsOn < b.endsOn ? -1 : a.endsOn > b.endsOn ? 1 : b.startsOn.localeCompare(a.startsOn)));
  return (current[0] ?? open[0])?.id ?? null;
}

/**
 * Assign a template to people, groups and departments at once (each person gets their own goal,
 * once): the period, a live preview of how many goals it creates and who already has it, then
 * the result.
 */
export function AssignTemplateDialog({ template, onClose }: { template: Template | null; onClose: () => void }) {
  return (
    <Modal opened={template !== null} onClose={onClose} title={template ? `Assign ${template.title}` : 'Assign'} styles={drawerTitle} size="lg">
      {template && <AssignForm key={template.id} template={template} onClose={onClose} />}
    </Modal>
  );
}

function AssignForm({ template, onClose }: { template: Template; onClose: () => void }) {
  const qc = useQueryClient();
  const periods = useQuery(goalQueries.periods());
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [periodId, setPeriodId] = useState<string | null>(null);
  const openPeriods = (periods.data?.data ?? []).filter((p) => !p.closedAt);
  useEffect(() => {
    if (periods.data && periodId === null) setPeriodId(defaultPeriod(periods.data.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [periods.data]);

  const audience: AssignBody['audience'] = [
    ...(personIds.length ? [{ type: 'people' as const, personIds }] : []),
    ...groupIds.map((groupId) => ({ type: 'group' as const, groupId })),
    ...departmentIds.map((departmentId) => ({ type: 'department' as const, departmentId })),
  ];
  const body: AssignBody = { audience, ...(periodId ? { periodId } : {}) };
  const chosen = Array.isArray(audience) && audience.length > 0;
  // The preview follows the choice once it settles, so typing in a picker does not ask on each key.
  const [settled] = useDebouncedValue(body, 250);
  const preview = useQuery({ ...goalQueries.assignPreview(template.id, settled), enabled: chosen && Array.isArray(settled.audience) && settled.audience.length > 0 });

  const submit = useMutation({
    mutationFn: () => goalApi.assignTemplate(template.id, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: goalKeys.all });
      void qc.invalidateQueries({ queryKey: goalKeys.templates });
    },
  });

  if (submit.data) {
    return (
      <DoneStep title="Assigned" onClose={onClose}>
        {assignSummary(submit.data)}
      </DoneStep>
    );
  }

  const server = fieldErrors(submit.error ?? preview.error);
  const periodError = server.periodId;
  const refused = (submit.error ?? preview.error) instanceof ApiError ? ((submit.error ?? preview.error) as ApiError) : null;
  // While the choice is still settling the last answer counts a different audience: show none.
  const settling = JSON.stringify(body) !== JSON.stringify(settled);
  const count = preview.data && chosen && !settling ? preview.data : null;
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        if (chosen) submit.mutate();
      }}
      noValidate
    >
      <Stack>
        <Text size="sm">Each person gets their own goal from the template{template.keyResults.length ? ', with its key results' : ''}. Nobody gets it twice in one period.</Text>
        <PeopleMultiSelect value={personIds} onChange={setPersonIds} />
        <GroupsPicker value={groupIds} onChange={setGroupIds} />
        <DepartmentsPicker value={departmentIds} onChange={setDepartmentIds} />
        <Select
          label="Period"
          placeholder={periods.isLoading ? 'Loading periods…' : openPeriods.length ? 'Choose a period' : 'The current quarter (created with the goals)'}
          data={openPeriods.map((p) => ({ value: p.id, label: `${p.name} (${p.startsOn} – ${p.endsOn})` }))}
          value={periodId}
          onChange={setPeriodId}
          error={periodError}
          allowDeselect={false}
        />
        <Alert color={count && count.created === 0 ? 'yellow' : 'blue'} variant="light" title="Preview" aria-live="polite">
          {!chosen
            ? 'Choose people, groups or departments.'
            : preview.isFetching && !count
              ? 'Counting…'
              : count
                ? assignSummary(count, true)
                : preview.error
                  ? 'The preview is not available.'
                  : 'Counting…'}
        </Alert>
        {refused && refused.status !== 400 && <ErrorAlert error={refused} title="Could not assign" />}
        {refused && refused.status === 400 && (
          <Alert color="red" role="alert">
            {refused.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={submit.isPending} disabled={!chosen || (count !== null && count.created === 0)}>
            {count ? (count.created ? `Assign to ${people(count.created)}` : 'Nothing to assign') : 'Assign'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function GroupsPicker({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const groups = useQuery(adminQueries.groupsToAssign());
  return (
    <MultiSelect
      label="Groups"
      placeholder={groups.isLoading ? 'Loading groups…' : value.length ? undefined : 'Choose groups'}
      searchable
      data={(groups.data?.data ?? []).map((g) => ({ value: g.id, label: `${g.name} (${g.memberCount})` }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage="No group matches"
      error={groups.error ? 'Could not load groups' : undefined}
    />
  );
}

function DepartmentsPicker({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const depts = useQuery(adminQueries.departmentsToAssign());
  return (
    <MultiSelect
      label="Departments"
      description="With their sub-departments"
      placeholder={depts.isLoading ? 'Loading departments…' : value.length ? undefined : 'Choose departments'}
      searchable
      data={(depts.data?.data ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.totalHeadcount})` }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage="No department matches"
      error={depts.error ? 'Could not load departments' : undefined}
    />
  );
}

import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { hasRole, type Me } from '../../../lib/me.ts';
import { DoneStep, ErrorAlert, drawerTitle } from '../../../ui/common.tsx';
import { adminQueries } from '../../admin/api.ts';
import { PeopleMultiSelect } from '../../people/PeopleMultiSelect.tsx';
import { catalogQueries } from '../catalog/api.ts';
import { enrollmentApi, enrollmentKeys, type AssignBody } from './api.ts';
import { assignableReasonOptions } from './reasons.ts';

/** What to assign: a course or a program (or neither: the dialog lets you pick), to chosen people or not. */
export type AssignTarget = {
  courseId?: string;
  programId?: string;
  title: string;
  personIds?: string[];
  /** The reason to start from, linked to the record that caused it (a gap's job profile, a goal…). */
  reason?: { type: string; recordType?: string; recordId?: string; note?: string };
};

type AudienceType = 'people' | 'group' | 'department';
type Option = { value: string; label: string };

/**
 * Assign learning with a reason: to people (managers: their reports), a group (optionally its
 * newcomers too) or a department (admins). Shows how many were enrolled and already enrolled.
 */
export function AssignDialog({ target, onClose }: { target: AssignTarget | null; onClose: () => void }) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? `Assign ${target.title}` : 'Assign'} styles={drawerTitle} size="lg">
      {target && <AssignForm key={JSON.stringify(target)} target={target} onClose={onClose} />}
    </Modal>
  );
}

function AssignForm({ target, onClose }: { target: AssignTarget; onClose: () => void }) {
  const { me } = useRouteContext({ from: '/app' }) as { me: Me };
  const admin = hasRole(me, 'learning_admin', 'hr_admin');
  const fixedPeople = target.personIds?.length ? target.personIds : null;
  const fixedItem = target.courseId ? `course:${target.courseId}` : target.programId ? `program:${target.programId}` : null;

  const [item, setItem] = useState<string | null>(fixedItem);
  const [type, setType] = useState<AudienceType>('people');
  const [people, setPeople] = useState<string[]>([]);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [newcomers, setNewcomers] = useState(true);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(target.reason?.type ?? null);
  const [note, setNote] = useState(target.reason?.note ?? '');
  const [due, setDue] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const qc = useQueryClient();

  const submit = useMutation({
    mutationFn: () => {
      // check() has made sure the chosen audience and reason are there.
      const [kind, id] = (item ?? '').split(':');
      const audience: AssignBody['audience'] =
        fixedPeople || type === 'people'
          ? { type: 'people', personIds: fixedPeople ?? people }
          : type === 'group'
            ? { type: 'group', groupId: groupId!, enrollNewcomers: newcomers }
            : { type: 'department', departmentId: departmentId! };
      return enrollmentApi.assign({
        ...(kind === 'program' ? { programId: id } : { courseId: id }),
        audience,
        reason: {
          type: reason as AssignBody['reason']['type'],
          // The linked record stays while the reason is the one it came with.
          ...(target.reason?.recordId && reason === target.reason.type ? { recordType: target.reason.recordType, recordId: target.reason.recordId } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        // The end of the chosen day, in the assigner's time zone.
        ...(due ? { dueAt: new Date(`${due}T23:59:59`).toISOString() } : {}),
      });
    },
    onSuccess: () => {
      for (const queryKey of enrollmentKeys.lists) void qc.invalidateQueries({ queryKey });
    },
  });

  const check = () => {
    const e: Record<string, string> = {};
    if (!item) e.item = 'Choose a course or program';
    if (!fixedPeople && type === 'people' && !people.length) e.people = 'Choose at least one person';
    if (!fixedPeople && type === 'group' && !groupId) e.group = 'Choose a group';
    if (!fixedPeople && type === 'department' && !departmentId) e.department = 'Choose a department';
    if (!reason) e.reason = 'Say why';
    setLocal(e);
    return Object.keys(e).length === 0;
  };

  const server = fieldErrors(submit.error);
  const err = (...paths: string[]) => local[paths[0]!] ?? paths.map((p) => server[p] ?? Object.entries(server).find(([k]) => k.startsWith(`${p}.`))?.[1]).find(Boolean);
  const result = submit.data;

  if (result) {
    return (
      <DoneStep title="Assigned" onClose={onClose}>
        {result.enrolled} enrolled, {result.alreadyEnrolled} already enrolled.
      </DoneStep>
    );
  }

  const generalError =
    submit.error instanceof ApiError && submit.error.code === 'validation_failed' ? null : submit.error;

  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        if (check()) submit.mutate();
      }}
      noValidate
    >
      <Stack>
        <ErrorAlert error={generalError} title="Could not assign" />
        {submit.error instanceof ApiError && submit.error.code === 'validation_failed' && (
          <Alert color="red" role="alert">
            {submit.error.message}
          </Alert>
        )}
        {!fixedItem && <CatalogPicker value={item} onChange={setItem} error={err('item', 'courseId', 'programId')} />}

        {fixedPeople ? (
          <Text size="sm">
            For {fixedPeople.length === 1 ? 'this person' : `${fixedPeople.length} people`}.
          </Text>
        ) : (
          <>
            {admin && (
              <Stack gap={4}>
                <Text size="sm" fw={500} id="assign-audience-label">
                  Assign to
                </Text>
                <SegmentedControl
                  aria-labelledby="assign-audience-label"
                  value={type}
                  onChange={(v) => setType(v as AudienceType)}
                  data={[
                    { value: 'people', label: 'People' },
                    { value: 'group', label: 'A group' },
                    { value: 'department', label: 'A department' },
                  ]}
                />
              </Stack>
            )}
            {type === 'people' && <PeopleMultiSelect value={people} onChange={setPeople} error={err('people', 'audience.personIds', 'audience')} description={admin ? undefined : 'People in your team'} placeholder="Type at least 2 letters of a name" required />}
            {type === 'group' && (
              <>
                <GroupPicker value={groupId} onChange={setGroupId} error={err('group', 'audience.groupId')} />
                <Checkbox
                  label="Also enrol people who join this group later"
                  checked={newcomers}
                  onChange={(e) => setNewcomers(e.currentTarget.checked)}
                />
              </>
            )}
            {type === 'department' && (
              <DepartmentPicker value={departmentId} onChange={setDepartmentId} error={err('department', 'audience.departmentId')} />
            )}
          </>
        )}

        <Select
          label="Why"
          description="Learners see this reason with the learning"
          placeholder="Choose a reason"
          data={assignableReasonOptions}
          value={reason}
          onChange={setReason}
          error={err('reason', 'reason.type')}
          required
          allowDeselect={false}
        />
        <Textarea label="Note for the learner" description="Optional" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} error={err('reason.note')} />
        <TextInput type="date" label="Due date" description="Optional" value={due} onChange={(e) => setDue(e.currentTarget.value)} error={err('dueAt', 'dueDays')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={submit.isPending}>
            Assign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Published courses and programs from the catalog, searched by title. */
export function CatalogPicker({ value, onChange, error }: { value: string | null; onChange: (v: string | null) => void; error?: string }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const [chosen, setChosen] = useState<Option | null>(null);
  const hits = useQuery(catalogQueries.pick(q));
  const data = useMemo(() => {
    const opts = (hits.data?.data ?? []).map((i) => ({ value: `${i.kind}:${i.id}`, label: `${i.title}${i.kind === 'program' ? ' (program)' : ''}` }));
    return chosen && !opts.some((o) => o.value === chosen.value) ? [chosen, ...opts] : opts;
  }, [hits.data, chosen]);
  return (
    <Select
      label="Course or program"
      placeholder="Type to search the catalog"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={(v, opt) => {
        onChange(v);
        setChosen(opt ?? null);
      }}
      nothingFoundMessage={hits.isFetching ? 'Searching…' : 'Nothing published matches'}
      error={error}
      required
    />
  );
}

function GroupPicker({ value, onChange, error }: { value: string | null; onChange: (v: string | null) => void; error?: string }) {
  const groups = useQuery(adminQueries.groupsToAssign());
  return (
    <Select
      label="Group"
      placeholder={groups.isLoading ? 'Loading groups…' : 'Choose a group'}
      searchable
      data={(groups.data?.data ?? []).map((g) => ({ value: g.id, label: `${g.name} (${g.memberCount})` }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage="No group matches"
      error={error ?? (groups.error ? 'Could not load groups' : undefined)}
      required
    />
  );
}

function DepartmentPicker({ value, onChange, error }: { value: string | null; onChange: (v: string | null) => void; error?: string }) {
  const depts = useQuery(adminQueries.departmentsToAssign());
  return (
    <Select
      label="Department"
      description="Includes its sub-departments"
      placeholder={depts.isLoading ? 'Loading departments…' : 'Choose a department'}
      searchable
      data={(depts.data?.data ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.totalHeadcount})` }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage="No department matches"
      error={error ?? (depts.error ? 'Could not load departments' : undefined)}
      required
    />
  );
}

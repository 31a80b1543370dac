import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors } from '../../lib/api.ts';
import { peopleKeys } from '../people/api.ts';
import { adminApi, adminKeys, adminQueries, type Department } from './api.ts';
import { EmptyText, ErrorAlert, Loading, confirmDanger, FormActions } from '../../ui/common.tsx';

type Editing = { id?: string; name: string; parentId: string | null };

/** Depth-first order with each department's depth, for an indented tree. */
function flatten(list: Department[]) {
  const children = new Map<string | null, Department[]>();
  for (const d of list) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d]);
  const out: Array<Department & { depth: number }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const d of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ ...d, depth });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A department cannot move under itself or one of its own sub-departments. */
function possibleParents(list: Array<Department & { depth: number }>, id: string | undefined) {
  if (!id) return list;
  const i = list.findIndex((d) => d.id === id);
  if (i < 0) return list;
  let end = i + 1;
  while (end < list.length && list[end]!.depth > list[i]!.depth) end++;
  return [...list.slice(0, i), ...list.slice(end)];
}

export default function AdminDepartmentsPage() {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const depts = useQuery(adminQueries.departments());
  const list = flatten(depts.data?.data ?? []);
  const form = useForm<Editing>({ initialValues: { name: '', parentId: null }, validate: { name: (v) => (v.trim() ? null : 'Enter a name') } });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: adminKeys.departments });
    void qc.invalidateQueries({ queryKey: peopleKeys.filters });
  };
  const save = useMutation({
    mutationFn: (v: Editing) =>
      v.id
        ? adminApi.updateDepartment(v.id, { name: v.name.trim(), parentId: v.parentId })
        : adminApi.createDepartment({ name: v.name.trim(), parentId: v.parentId }),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const remove = useMutation({
    mutationFn: (d: Department) => adminApi.removeDepartment(d.id),
    onSuccess: (_r, d) => {
      notifications.show({ color: 'green', message: `Deleted ${d.name}` });
      refresh();
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Cannot delete', message: (err as Error).message }),
  });
  const open = (e: Editing) => {
    form.setValues(e);
    form.clearErrors();
    save.reset();
    setEditing(e);
  };
  return (
    <>
      <PageHeader
        title="Departments"
        description="The department tree. Headcount: active people directly in the department, then with its sub-departments."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ name: '', parentId: null })}>
            Add department
          </Button>
        }
      />
      <ErrorAlert error={depts.error} />
      {depts.isLoading ? (
        <Loading label="Loading departments" />
      ) : depts.isError ? null : list.length === 0 ? (
        <EmptyText>No departments yet. Add one, or import people with a department column.</EmptyText>
      ) : (
        <Paper withBorder>
          <ul aria-label="Departments" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.map((d) => (
              <li key={d.id} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Group justify="space-between" py={8} pr="sm" pl={12 + d.depth * 24} wrap="nowrap">
                  <Group gap="xs" wrap="nowrap">
                    <Text fw={d.depth === 0 ? 600 : 400}>{d.name}</Text>
                    <Badge variant="light" color="gray" aria-label={`${d.headcount} people${d.totalHeadcount !== undefined && d.totalHeadcount !== d.headcount ? `, ${d.totalHeadcount} with sub-departments` : ''}`}>
                      {d.headcount}
                      {d.totalHeadcount !== undefined && d.totalHeadcount !== d.headcount ? ` / ${d.totalHeadcount}` : ''}
                    </Badge>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Add a department under ${d.name}`} onClick={() => open({ name: '', parentId: d.id })}>
                      <IconPlus size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={`Edit ${d.name}`} onClick={() => open({ id: d.id, name: d.name, parentId: d.parentId })}>
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${d.name}`}
                      onClick={() =>
                        confirmDanger({ title: `Delete ${d.name}?`, body: 'Only an empty department without sub-departments can be deleted.', confirm: 'Delete', onConfirm: () => remove.mutate(d) })
                      }
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
              </li>
            ))}
          </ul>
        </Paper>
      )}
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={editing?.id ? 'Edit department' : 'Add department'} closeButtonProps={{ 'aria-label': 'Close' }}>
        <form onSubmit={form.onSubmit((v) => save.mutate({ ...v, id: editing?.id }))} noValidate>
          <Stack>
            {save.error && !Object.keys(fieldErrors(save.error)).length && <ErrorAlert error={save.error} />}
            <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
            <Select
              label="Part of"
              placeholder="Top level"
              clearable
              searchable
              data={possibleParents(list, editing?.id).map((d) => ({ value: d.id, label: `${'— '.repeat(d.depth)}${d.name}` }))}
              {...form.getInputProps('parentId')}
            />
            <FormActions onCancel={() => setEditing(null)} loading={save.isPending} label="Save" />
          </Stack>
        </form>
      </Modal>
    </>
  );
}

import { Badge, Button, Group, Modal, Radio, Select, Stack, Table, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors } from '../../lib/api.ts';
import { peopleKeys, peopleQueries, type CustomField, type FieldVisibility } from '../people/api.ts';
import { visibilityLabels } from '../people/format.ts';
import { adminApi } from './api.ts';
import { EmptyText, ErrorAlert, Loading, confirmDanger, FormActions } from '../../ui/common.tsx';

const keyFrom = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'f_$1')
    .slice(0, 50);

type Values = { label: string; key: string; type: CustomField['type']; options: string[]; visibility: FieldVisibility };

const visibilityHelp: Record<FieldVisibility, string> = {
  everyone: 'Shown on profiles and in the directory to everyone in the organisation.',
  chain: 'Shown to the person themself, everyone they report to, and HR admins.',
  hr: 'Shown to HR admins only.',
};

const blank: Values = { label: '', key: '', type: 'text', options: [], visibility: 'hr' };

export default function AdminCustomFieldsPage() {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  // The key follows the label until the admin types a key of their own.
  const [keyTouched, setKeyTouched] = useState(false);
  const fields = useQuery(peopleQueries.customFields());
  const form = useForm<Values>({
    initialValues: blank,
    validate: {
      label: (v) => (v.trim() ? null : 'Enter a label'),
      key: (v) => (/^[a-z][a-z0-9_]*$/.test(v) ? null : 'Lower case letters, digits and _ ; start with a letter'),
      options: (v, all) => (all.type === 'choice' && v.length === 0 ? 'Add at least one option' : null),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      editing && editing !== 'new'
        ? adminApi.updateField(editing.id, { label: v.label.trim(), visibility: v.visibility, ...(v.type === 'choice' ? { options: v.options } : {}) })
        : adminApi.createField({ label: v.label.trim(), key: v.key, type: v.type, visibility: v.visibility, ...(v.type === 'choice' ? { options: v.options } : {}) }),
    onSuccess: () => {
      setEditing(null);
      void qc.invalidateQueries({ queryKey: peopleKeys.customFields });
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const remove = useMutation({
    mutationFn: (f: CustomField) => adminApi.removeField(f.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: peopleKeys.customFields }),
    onError: (err) => notifications.show({ color: 'red', title: 'Cannot delete', message: (err as Error).message }),
  });
  const open = (f: CustomField | 'new') => {
    setKeyTouched(false);
    form.setValues(f === 'new' ? blank : { label: f.label, key: f.key, type: f.type, options: f.options, visibility: f.visibility });
    form.clearErrors();
    save.reset();
    setEditing(f);
  };
  const list = fields.data?.data ?? [];
  const isNew = editing === 'new';
  return (
    <>
      <PageHeader
        title="Custom fields"
        description="Extra attributes on each person. Imports fill them from a column named after the key or the label. Each field says who may see its values."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open('new')}>
            Add field
          </Button>
        }
      />
      <ErrorAlert error={fields.error} />
      {fields.isLoading ? (
        <Loading label="Loading custom fields" />
      ) : fields.isError ? null : list.length === 0 ? (
        <EmptyText>No custom fields yet. Add one to record things like T-shirt size, cost centre or start location.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Options</Table.Th>
                <Table.Th>Visible to</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.label}</Table.Td>
                  <Table.Td>
                    <code>{f.key}</code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{f.type}</Badge>
                  </Table.Td>
                  <Table.Td>{f.options.join(', ') || '—'}</Table.Td>
                  <Table.Td>{visibilityLabels[f.visibility]}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => open(f)}>
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          confirmDanger({ title: `Delete “${f.label}”?`, body: 'Its values are removed from every person. This cannot be undone.', confirm: 'Delete', onConfirm: () => remove.mutate(f) })
                        }
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={isNew ? 'Add custom field' : 'Edit custom field'} closeButtonProps={{ 'aria-label': 'Close' }}>
        <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
          <Stack>
            {save.error && !Object.keys(fieldErrors(save.error)).length && <ErrorAlert error={save.error} />}
            <TextInput
              label="Label"
              required
              data-autofocus
              {...form.getInputProps('label')}
              onChange={(e) => {
                form.setFieldValue('label', e.currentTarget.value);
                if (isNew && !keyTouched) form.setFieldValue('key', keyFrom(e.currentTarget.value));
              }}
            />
            <TextInput
              label="Key"
              description="Used in imports and the API; cannot change later"
              disabled={!isNew}
              {...form.getInputProps('key')}
              onChange={(e) => {
                setKeyTouched(true);
                form.setFieldValue('key', e.currentTarget.value);
              }}
            />
            <Select
              label="Type"
              disabled={!isNew}
              allowDeselect={false}
              data={[
                { value: 'text', label: 'Text' },
                { value: 'number', label: 'Number' },
                { value: 'date', label: 'Date' },
                { value: 'choice', label: 'Choice' },
              ]}
              {...form.getInputProps('type')}
            />
            {form.values.type === 'choice' && <TagsInput label="Options" description="Press Enter after each option" {...form.getInputProps('options')} />}
            <Radio.Group label="Who can see the values" {...form.getInputProps('visibility')}>
              <Stack gap="xs" mt={4}>
                {(Object.keys(visibilityLabels) as FieldVisibility[]).map((v) => (
                  <Radio key={v} value={v} label={visibilityLabels[v]} description={visibilityHelp[v]} />
                ))}
              </Stack>
            </Radio.Group>
            <FormActions onCancel={() => setEditing(null)} loading={save.isPending} label="Save" />
          </Stack>
        </form>
      </Modal>
    </>
  );
}

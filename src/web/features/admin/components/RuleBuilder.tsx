import { ActionIcon, Badge, Button, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { peopleQueries } from '../../people/api.ts';
import { adminQueries } from '../api.ts';
import { PersonPicker } from '../../people/PersonPicker.tsx';

export type Condition =
  | { field: 'department'; op: 'in'; value: string[] }
  | { field: 'jobTitle'; op: 'contains'; value: string }
  | { field: 'location'; op: 'equals'; value: string }
  | { field: 'hireDate'; op: 'before' | 'after'; value: string }
  | { field: 'reportsTo'; op: 'directly' | 'chain'; value: string }
  | { field: 'customField'; key: string; op: 'equals'; value: string };
export type Rule = { match: 'all' | 'any'; conditions: Condition[] };

const fieldLabels: Record<Condition['field'], string> = {
  department: 'Department',
  jobTitle: 'Job title',
  location: 'Location',
  hireDate: 'Hire date',
  reportsTo: 'Reports to',
  customField: 'Custom field',
};

const fresh = (field: Condition['field']): Condition => {
  switch (field) {
    case 'department':
      return { field, op: 'in', value: [] };
    case 'jobTitle':
      return { field, op: 'contains', value: '' };
    case 'location':
      return { field, op: 'equals', value: '' };
    case 'hireDate':
      return { field, op: 'after', value: '' };
    case 'reportsTo':
      return { field, op: 'chain', value: '' };
    case 'customField':
      return { field, key: '', op: 'equals', value: '' };
  }
};

/** A condition without its value would match nobody or everybody: leave it out of the preview. */
export const completeRule = (r: Rule): Rule => ({
  match: r.match,
  conditions: r.conditions.filter((c) => (Array.isArray(c.value) ? c.value.length > 0 : c.value !== '' && (c.field !== 'customField' || c.key !== ''))),
});

/** Builds a smart group rule, with a live count and sample of who matches. */
export function RuleBuilder({ rule, onChange }: { rule: Rule; onChange: (r: Rule) => void }) {
  const filters = useQuery(peopleQueries.filters());
  const fields = useQuery(peopleQueries.customFields());
  const [debounced] = useDebouncedValue(completeRule(rule), 400);
  const preview = useQuery(adminQueries.preview(debounced));
  const set = (i: number, c: Condition) => onChange({ ...rule, conditions: rule.conditions.map((x, j) => (j === i ? c : x)) });
  const defs = fields.data?.data ?? [];
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm">People who match</Text>
        <SegmentedControl
          size="xs"
          aria-label="Match"
          value={rule.match}
          onChange={(v) => onChange({ ...rule, match: v as Rule['match'] })}
          data={[
            { value: 'all', label: 'all conditions' },
            { value: 'any', label: 'any condition' },
          ]}
        />
      </Group>
      {rule.conditions.map((c, i) => (
        <Paper key={i} withBorder p="xs">
          <Group align="flex-end" wrap="wrap" gap="xs">
            <Select
              label="Field"
              allowDeselect={false}
              w={150}
              data={Object.entries(fieldLabels).map(([value, label]) => ({ value, label }))}
              value={c.field}
              onChange={(f) => f && set(i, fresh(f as Condition['field']))}
            />
            {c.field === 'department' && (
              <MultiSelect
                label="is one of (with sub-departments)"
                searchable
                style={{ flex: 1, minWidth: 200 }}
                data={(filters.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
                value={c.value}
                onChange={(v) => set(i, { ...c, value: v })}
              />
            )}
            {c.field === 'jobTitle' && <TextInput label="contains" style={{ flex: 1 }} value={c.value} onChange={(e) => set(i, { ...c, value: e.currentTarget.value })} />}
            {c.field === 'location' && (
              <Select label="is" searchable style={{ flex: 1 }} data={filters.data?.locations ?? []} value={c.value || null} onChange={(v) => set(i, { ...c, value: v ?? '' })} />
            )}
            {c.field === 'hireDate' && (
              <>
                <Select label="is" w={110} allowDeselect={false} data={['before', 'after']} value={c.op} onChange={(v) => set(i, { ...c, op: (v as 'before' | 'after') ?? 'after' })} />
                <TextInput label="date" type="date" value={c.value} onChange={(e) => set(i, { ...c, value: e.currentTarget.value })} />
              </>
            )}
            {c.field === 'reportsTo' && (
              <>
                <Select
                  label="how"
                  w={150}
                  allowDeselect={false}
                  data={[
                    { value: 'chain', label: 'directly or not' },
                    { value: 'directly', label: 'directly' },
                  ]}
                  value={c.op}
                  onChange={(v) => set(i, { ...c, op: (v as 'directly' | 'chain') ?? 'chain' })}
                />
                <div style={{ flex: 1, minWidth: 200 }}>
                  <PersonPicker label="manager" value={c.value || null} onChange={(id) => set(i, { ...c, value: id ?? '' })} />
                </div>
              </>
            )}
            {c.field === 'customField' && (
              <>
                <Select label="field" w={170} data={defs.map((d) => ({ value: d.key, label: d.label }))} value={c.key || null} onChange={(k) => set(i, { ...c, key: k ?? '' })} />
                {defs.find((d) => d.key === c.key)?.type === 'choice' ? (
                  <Select label="equals" data={defs.find((d) => d.key === c.key)!.options} value={c.value || null} onChange={(v) => set(i, { ...c, value: v ?? '' })} />
                ) : (
                  <TextInput label="equals" value={c.value} onChange={(e) => set(i, { ...c, value: e.currentTarget.value })} />
                )}
              </>
            )}
            <ActionIcon variant="subtle" color="red" aria-label="Remove condition" onClick={() => onChange({ ...rule, conditions: rule.conditions.filter((_, j) => j !== i) })} mb={4}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange({ ...rule, conditions: [...rule.conditions, fresh('department')] })}>
        Add condition
      </Button>
      <Paper withBorder p="sm" bg="gray.0" aria-live="polite">
        {debounced.conditions.length === 0 ? (
          <Text size="sm" c="dimmed">
            Add a condition to see who matches.
          </Text>
        ) : preview.isError ? (
          <Text size="sm" c="red.9">
            {(preview.error as Error).message}
          </Text>
        ) : (
          <Stack gap={4}>
            <Group gap="xs">
              <Badge size="lg">{preview.data?.count ?? '…'}</Badge>
              <Text size="sm">{preview.data?.count === 1 ? 'person matches' : 'people match'}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              {(preview.data?.sample ?? []).map((p) => p.name).join(', ')}
              {(preview.data?.count ?? 0) > (preview.data?.sample.length ?? 0) ? ', …' : ''}
            </Text>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

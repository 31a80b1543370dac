import { Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const fmt = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Field-by-field difference of an audit event's before and after, with the raw JSON on demand. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const [raw, setRaw] = useState(false);
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const changed = keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const structured = (isObj(before) || before == null) && (isObj(after) || after == null);
  return (
    <Stack gap="xs">
      {structured && changed.length > 0 ? (
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} aria-label="Changed fields">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changed.map((k) => (
              <Table.Tr key={k}>
                <Table.Td>
                  <Code>{k}</Code>
                </Table.Td>
                <Table.Td bg={k in b ? 'red.0' : undefined} style={{ wordBreak: 'break-word' }}>
                  {k in b ? <del style={{ textDecorationColor: 'var(--mantine-color-red-7)' }}>{fmt(b[k])}</del> : <Text span c="dimmed" size="sm">—</Text>}
                </Table.Td>
                <Table.Td bg={k in a ? 'green.0' : undefined} style={{ wordBreak: 'break-word' }}>
                  {k in a ? <ins style={{ textDecoration: 'none' }}>{fmt(a[k])}</ins> : <Text span c="dimmed" size="sm">—</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          {structured ? 'No field changed.' : 'See the raw values below.'}
        </Text>
      )}
      <Group>
        <Button size="compact-xs" variant="subtle" aria-expanded={raw || !structured} onClick={() => setRaw(!raw)} disabled={!structured}>
          {raw || !structured ? 'Hide full JSON' : 'Show full JSON'}
        </Button>
      </Group>
      {(raw || !structured) && (
        <Group align="flex-start" grow wrap="wrap">
          <div style={{ minWidth: 0 }}>
            <Text size="xs" fw={600}>
              Before
            </Text>
            <Code block>{JSON.stringify(before, null, 2) ?? '—'}</Code>
          </div>
          <div style={{ minWidth: 0 }}>
            <Text size="xs" fw={600}>
              After
            </Text>
            <Code block>{JSON.stringify(after, null, 2) ?? '—'}</Code>
          </div>
        </Group>
      )}
    </Stack>
  );
}

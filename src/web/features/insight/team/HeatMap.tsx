import { Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { levelLabel, type Team } from './api.ts';

/** A cell's colour by its gap: below expected in reds (deeper the further), at or above in greens. */
function cellColor(gap: number | null): string | undefined {
  if (gap === null) return undefined;
  if (gap >= 1) return 'var(--mantine-color-green-3)';
  if (gap >= 0) return 'var(--mantine-color-green-1)';
  if (gap > -1) return 'var(--mantine-color-yellow-2)';
  if (gap > -2) return 'var(--mantine-color-orange-3)';
  return 'var(--mantine-color-red-3)';
}

const describe = (expected: number | null, current: number | null, gap: number | null) =>
  expected === null ? `Level ${levelLabel(current)}, not expected` : `Level ${levelLabel(current)} of ${expected} expected${gap !== null && gap < 0 ? `, ${levelLabel(-gap)} below` : ''}`;

/**
 * People × skills, current against expected. It is a real table (row and column headers, each
 * cell saying its numbers in words for screen readers), so the colour is never the only cue.
 */
export function HeatMap({ heatMap }: { heatMap: Team['heatMap'] }) {
  if (!heatMap.skills.length) return <Text c="dimmed">No skills are expected of these people yet: their job profiles name none.</Text>;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table withTableBorder withColumnBorders aria-label="Skills heat map: current level against expected" captionSide="bottom">
        <Table.Caption>Each cell: current level / expected level. Red is furthest below, green at or above.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Person</Table.Th>
            {heatMap.skills.map((s) => (
              <Table.Th key={s.id} scope="col">
                {s.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {heatMap.rows.map((r) => {
            const cells = new Map(r.cells.map((c) => [c.skillId, c]));
            return (
              <Table.Tr key={r.personId}>
                <Table.Th scope="row">{r.name}</Table.Th>
                {heatMap.skills.map((s) => {
                  const c = cells.get(s.id);
                  if (!c) return <Table.Td key={s.id}><VisuallyHidden>Not expected</VisuallyHidden></Table.Td>;
                  const words = describe(c.expected, c.current, c.gap);
                  return (
                    <Table.Td key={s.id} style={{ background: cellColor(c.gap), textAlign: 'center' }}>
                      <Tooltip label={words}>
                        <span>
                          <span aria-hidden>
                            {levelLabel(c.current)} / {c.expected ?? '–'}
                          </span>
                          <VisuallyHidden>{words}</VisuallyHidden>
                        </span>
                      </Tooltip>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

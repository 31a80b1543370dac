import { Box, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Grid, GridSubject } from './api.ts';
import { boxPosition, NINE_BOX_ROWS, peopleByBox, performanceLabels, potentialLabels } from './format.ts';

// Tints by how the box reads: the top right is the strongest, the bottom left the weakest.
const tint = (box: number) => {
  const { performance, potential } = boxPosition(box);
  const score = ['low', 'mid', 'high'].indexOf(performance) + potential - 1;
  return ['red.0', 'orange.0', 'gray.0', 'teal.0', 'green.0'][score]!;
};

/**
 * The 9-box as a 3×3 grid: potential up the side, performance along the bottom, each box with its
 * name and its people. A person is a button that opens their calibration when it may change.
 */
export function NineBox({ grid, onPick }: { grid: Grid; onPick?: (s: GridSubject) => void }) {
  const boxes = peopleByBox(grid.subjects);
  const withoutBox = grid.subjects.filter((s) => s.box === null);
  return (
    <Stack gap="xs">
      <Group gap="xs" align="stretch" wrap="nowrap">
        <Text size="xs" c="dimmed" style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', textAlign: 'center' }} aria-hidden>
          Potential →
        </Text>
        <SimpleGrid cols={3} spacing={6} style={{ flex: 1, minWidth: 0 }} role="list" aria-label="9-box">
          {NINE_BOX_ROWS.flat().map((box) => {
            const label = grid.nineBox[box];
            const pos = boxPosition(box);
            const people = boxes[box]!;
            return (
              <Box
                key={box}
                role="listitem"
                aria-label={`${label?.name ?? `Box ${box + 1}`}: ${performanceLabels[pos.performance].toLowerCase()} performance, ${potentialLabels[pos.potential].toLowerCase()} potential, ${people.length} ${people.length === 1 ? 'person' : 'people'}`}
                data-testid={`nine-box-${box}`}
                bg={tint(box)}
                p={6}
                style={{ borderRadius: 6, minHeight: 96, minWidth: 0, border: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Text size="xs" fw={700} title={label?.description} style={{ overflowWrap: 'anywhere' }}>
                  {label?.name ?? `Box ${box + 1}`} <Text span size="xs" c="dimmed">({people.length})</Text>
                </Text>
                <Stack gap={2} mt={4}>
                  {people.map((s) =>
                    onPick && s.editable ? (
                      <Button key={s.subject.id} size="compact-xs" variant="white" color="dark" justify="flex-start" onClick={() => onPick(s)} styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }} h="auto" py={2}>
                        {s.subject.name}
                      </Button>
                    ) : (
                      <Text key={s.subject.id} size="xs" style={{ overflowWrap: 'anywhere' }}>
                        {s.subject.name}
                      </Text>
                    ),
                  )}
                </Stack>
              </Box>
            );
          })}
        </SimpleGrid>
      </Group>
      <Text size="xs" c="dimmed" ta="center" aria-hidden>
        Performance →
      </Text>
      <Text size="sm" c="dimmed">
        {withoutBox.length === 0
          ? 'Everyone is placed.'
          : `Not placed yet (no potential or no final rating): ${withoutBox.map((s) => s.subject.name).join(', ')}.`}
      </Text>
    </Stack>
  );
}

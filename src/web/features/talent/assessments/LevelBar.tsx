import { Box, Progress } from '@mantine/core';

/** The current level as a bar on the skill's scale, with a marker at the expected level. */
export function LevelBar({ current, expected, max, label }: { current: number | null; expected: number | null; max: number; label: string }) {
  const pct = (v: number) => Math.max(0, Math.min(100, (v / max) * 100));
  const below = expected !== null && (current ?? 0) < expected;
  return (
    <Box pos="relative" py={4}>
      <Progress
        value={pct(current ?? 0)}
        color={below ? 'orange' : 'teal'}
        size="lg"
        radius="sm"
        aria-label={label}
      />
      {expected !== null && (
        <Box
          aria-hidden
          pos="absolute"
          top={0}
          bottom={0}
          style={{ left: `calc(${pct(expected)}% - 1px)`, width: 3, background: 'var(--mantine-color-dark-6)', borderRadius: 2 }}
        />
      )}
    </Box>
  );
}

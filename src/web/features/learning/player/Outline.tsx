import { Box, NavLink, Stack, Text } from '@mantine/core';
import { IconCircle, IconCircleCheck, IconHelpCircle } from '@tabler/icons-react';
import type { Player } from './api.ts';

/** The course outline as navigation; completed lessons carry a check (and say so in words). */
export function Outline({ player, current, onPick }: { player: Player; current: string | null; onPick: (lessonId: string) => void }) {
  return (
    <nav aria-label="Course outline">
      <Stack gap="sm">
        {player.outline.map((s) => (
          <Box key={s.id}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
              {s.title}
            </Text>
            {s.lessons.map((l) => (
              <NavLink
                key={l.id}
                component="button"
                type="button"
                label={l.title}
                description={[l.hasQuiz ? 'Quiz' : null, l.estimatedMinutes ? `${l.estimatedMinutes} min` : null, l.completed ? 'Completed' : null]
                  .filter(Boolean)
                  .join(' · ') || undefined}
                active={l.id === current}
                aria-current={l.id === current ? 'page' : undefined}
                onClick={() => onPick(l.id)}
                leftSection={
                  l.completed ? (
                    <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
                  ) : l.hasQuiz ? (
                    <IconHelpCircle size={18} aria-hidden />
                  ) : (
                    <IconCircle size={18} aria-hidden />
                  )
                }
              />
            ))}
          </Box>
        ))}
      </Stack>
    </nav>
  );
}

import { Avatar, Group, Stack, Text, Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { initials } from './initials.ts';

export function PersonAvatar({ name, size = 36 }: { name: string; size?: number }) {
  return (
    <Avatar color="indigo" radius="xl" size={size} aria-hidden>
      {initials(name)}
    </Avatar>
  );
}

/** Name with its avatar and title, linking to the profile. */
export function PersonLine({ id, name, subtitle }: { id: string; name: string; subtitle?: string | null }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <PersonAvatar name={name} />
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={`/people/${id}`} fw={500} truncate>
          {name}
        </Anchor>
        {subtitle && (
          <Text size="xs" c="dimmed" truncate>
            {subtitle}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centred card every signed-out page uses. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Container size={440} py={60} component="main">
      <Stack gap="xs" mb="lg" align="center">
        <Text fw={800} size="xl" c="indigo.8">
          Tandem
        </Text>
        <Title order={1} size="h2" ta="center">
          {title}
        </Title>
        {subtitle && (
          <Text c="dimmed" ta="center" size="sm">
            {subtitle}
          </Text>
        )}
      </Stack>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        {children}
      </Paper>
    </Container>
  );
}

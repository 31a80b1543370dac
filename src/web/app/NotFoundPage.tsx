import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTitle } from '../lib/title.ts';

export function NotFoundPage() {
  useTitle('Not found');
  return (
    <Container size="sm" py="xl" component="main">
      <Stack align="flex-start">
        <Title order={1}>Page not found</Title>
        <Text>This page does not exist, or you do not have access to it.</Text>
        <Button component={Link} to="/">
          Go to Home
        </Button>
      </Stack>
    </Container>
  );
}

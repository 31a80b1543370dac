import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';

/** Drawer titles are the drawer's h2: sized like a heading. */
export const drawerTitle = { title: { fontSize: 'var(--mantine-h3-font-size)', fontWeight: 700 } } as const;

export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={title} mb="md">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}

/** Shown while a page's first request is in flight; announced to screen readers. */
export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text size="sm" c="dimmed" ml="sm">
        {label}…
      </Text>
    </Center>
  );
}

export function LoadMore({ hasMore, loading, onClick }: { hasMore: boolean; loading: boolean; onClick: () => void }) {
  if (!hasMore) return null;
  return (
    <Group justify="center" mt="md">
      <Button variant="default" onClick={onClick} loading={loading}>
        Load more
      </Button>
    </Group>
  );
}

export function EmptyText({ children }: { children: React.ReactNode }) {
  return (
    <Text c="dimmed" py="lg" ta="center">
      {children}
    </Text>
  );
}

/** Asks before something destructive; the red button names the action. */
export function confirmDanger(o: { title: string; body: React.ReactNode; confirm: string; onConfirm: () => void }) {
  modals.openConfirmModal({
    title: o.title,
    children: o.body,
    labels: { confirm: o.confirm, cancel: 'Cancel' },
    confirmProps: { color: 'red' },
    closeButtonProps: { 'aria-label': 'Close' },
    onConfirm: o.onConfirm,
  });
}

/** Cancel and submit buttons at the foot of a modal or drawer form. */
export function FormActions({ onCancel, label = 'Save', loading }: { onCancel: () => void; label?: string; loading?: boolean }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading}>
        {label}
      </Button>
    </Group>
  );
}

/** The last step of a dialog that did its work: what happened, and Done (focused) to close it. */
export function DoneStep({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  return (
    <Stack>
      <Alert color="green" role="status" title={title}>
        {children}
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

import { Badge, Button, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { hasRole, useMe } from '../../../lib/me.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { confirmDanger, EmptyText, ErrorAlert, LoadMore, Loading } from '../../../ui/common.tsx';
import { ComplianceDashboard } from './ComplianceDashboard.tsx';
import { RuleDrawer } from './RuleDrawer.tsx';
import { complianceApi, complianceKeys, complianceQueries, type ComplianceRule } from './api.ts';

const audienceText = (r: ComplianceRule) =>
  r.audience.type === 'everyone' ? 'Everyone' : `${r.audience.type === 'group' ? 'Group' : 'Department'}: ${r.audience.name ?? '(deleted)'}`;

export default function AdminCompliancePage() {
  const qc = useQueryClient();
  const [open, setOpen] = useState<ComplianceRule | 'new' | null>(null);
  const rules = useInfiniteQuery(complianceQueries.rules());
  const remove = useMutation({
    mutationFn: (r: ComplianceRule) => complianceApi.remove(r.id),
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Rule deleted' });
      void qc.invalidateQueries({ queryKey: complianceKeys.all });
    },
    onError: (err) => notifications.show({ color: 'red', message: (err as Error).message }),
  });
  const list = rules.data?.pages.flatMap((p) => p.data) ?? [];
  // HR admins read the rules and the dashboard; learning admins change the rules.
  const canManage = hasRole(useMe().data, 'learning_admin');
  return (
    <>
      <PageHeader
        title="Compliance"
        description="Required training with an expiry: who must complete what, how long it stays valid, and who is behind."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen('new')}>
              New rule
            </Button>
          )
        }
      />
      <Stack gap="xs">
        <Title order={2} size="h3">
          Rules
        </Title>
        <ErrorAlert error={rules.error} />
        {rules.isLoading ? (
          <Loading label="Loading rules" />
        ) : rules.isError ? null : list.length === 0 ? (
          <EmptyText>No compliance rules yet. A rule enrols its audience at once and renews their completion before it expires.</EmptyText>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>Audience</Table.Th>
                  <Table.Th>Valid for</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {canManage && (
                    <Table.Th>
                      <span className="sr-only">Actions</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text fw={500}>{r.name}</Text>
                      <Text size="xs" c="dimmed">
                        {r.programId ? 'Program' : 'Course'}: {r.targetTitle}
                      </Text>
                    </Table.Td>
                    <Table.Td>{audienceText(r)}</Table.Td>
                    <Table.Td>
                      {r.validForMonths} {r.validForMonths === 1 ? 'month' : 'months'}
                      <Text size="xs" c="dimmed">
                        Re-enrol {r.reenrollDaysBefore} days before; due in {r.dueDays} days
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={r.active ? 'green' : 'gray'}>
                        {r.active ? 'Active' : 'Paused'}
                      </Badge>
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="xs" variant="subtle" onClick={() => setOpen(r)} aria-label={`Edit ${r.name}`}>
                            Edit
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`Delete ${r.name}`}
                            onClick={() =>
                              confirmDanger({
                                title: `Delete “${r.name}”?`,
                                body: 'Renewals stop. Enrolments and completions it made stay on people’s records.',
                                confirm: 'Delete',
                                onConfirm: () => remove.mutate(r),
                              })
                            }
                          >
                            Delete
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={!!rules.hasNextPage} loading={rules.isFetchingNextPage} onClick={() => void rules.fetchNextPage()} />
      </Stack>
      <Divider my="lg" />
      <ComplianceDashboard rules={list} />
      {open && <RuleDrawer key={open === 'new' ? 'new' : open.id} rule={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
    </>
  );
}

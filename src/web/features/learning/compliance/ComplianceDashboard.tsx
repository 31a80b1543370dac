import { Anchor, Badge, Button, Drawer, Group, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PersonLine } from '../../../ui/PersonAvatar.tsx';
import { drawerTitle, EmptyText, ErrorAlert, LoadMore, Loading } from '../../../ui/common.tsx';
import { complianceQueries, type ComplianceRule, type ComplianceStatus, type DashboardCounts } from './api.ts';
import { formatDate, statusColors, statusLabels } from './format.ts';

const pctColor = (pct: number) => (pct >= 90 ? 'green' : pct >= 70 ? 'yellow' : 'red');

function CompliantCell({ row }: { row: DashboardCounts }) {
  return (
    <Group gap="xs" wrap="nowrap" miw={140}>
      <Progress value={row.compliantPct} color={pctColor(row.compliantPct)} w={80} aria-hidden />
      <Text size="sm" fw={500}>
        {row.compliantPct}%
      </Text>
      <Text size="xs" c="dimmed">
        ({row.compliant})
      </Text>
    </Group>
  );
}

type Drill = { departmentId: string | null; departmentName: string | null; status?: ComplianceStatus };

/** Compliance per department for one rule or all active ones, with CSV and a drill-down per rule. */
export function ComplianceDashboard({ rules }: { rules: ComplianceRule[] }) {
  const [ruleId, setRuleId] = useState<string | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const dash = useQuery(complianceQueries.dashboard(ruleId));
  const csvHref = `/api/v1/compliance/dashboard.csv${ruleId ? `?ruleId=${ruleId}` : ''}`;
  const rule = rules.find((r) => r.id === ruleId) ?? null;
  const d = dash.data;
  const cell = (row: Drill, n: number, status: ComplianceStatus) =>
    rule && n > 0 ? (
      <Anchor component="button" type="button" size="sm" onClick={() => setDrill({ ...row, status })} aria-label={`${n} ${statusLabels[status].toLowerCase()} in ${row.departmentName ?? 'no department'}: show people`}>
        {n}
      </Anchor>
    ) : (
      n
    );
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3">
          Dashboard
        </Title>
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Rule"
            data={[{ value: '', label: 'All active rules' }, ...rules.map((r) => ({ value: r.id, label: r.active ? r.name : `${r.name} (paused)` }))]}
            value={ruleId ?? ''}
            onChange={(v) => setRuleId(v || null)}
            allowDeselect={false}
            w={260}
          />
          <Button component="a" href={csvHref} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            Download CSV
          </Button>
        </Group>
      </Group>
      {!ruleId && (
        <Text size="sm" c="dimmed">
          Across all active rules a person counts by their worst standing. Choose a rule to see who is behind.
        </Text>
      )}
      <ErrorAlert error={dash.error} />
      {dash.isLoading ? (
        <Loading label="Loading the dashboard" />
      ) : !d ? null : d.total.people === 0 ? (
        <EmptyText>{d.rules.length ? 'No one is in the audience of these rules yet.' : 'No active rules yet. Create one above to start tracking compliance.'}</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Department</Table.Th>
                <Table.Th>People</Table.Th>
                <Table.Th>Compliant</Table.Th>
                <Table.Th>Expiring within 30 days</Table.Th>
                <Table.Th>Overdue</Table.Th>
                <Table.Th>In progress</Table.Th>
                <Table.Th>Not started</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.departments.map((row) => (
                <Table.Tr key={row.departmentId ?? 'none'}>
                  <Table.Td>
                    {rule ? (
                      <Anchor component="button" type="button" onClick={() => setDrill(row)}>
                        {row.departmentName ?? 'No department'}
                      </Anchor>
                    ) : (
                      (row.departmentName ?? 'No department')
                    )}
                  </Table.Td>
                  <Table.Td>{row.people}</Table.Td>
                  <Table.Td>
                    <CompliantCell row={row} />
                  </Table.Td>
                  <Table.Td>{cell(row, row.expiring, 'expiring')}</Table.Td>
                  <Table.Td>
                    <Text span c={row.overdue ? 'red.9' : undefined} fw={row.overdue ? 600 : undefined}>
                      {cell(row, row.overdue, 'overdue')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{cell(row, row.inProgress, 'in_progress')}</Table.Td>
                  <Table.Td>{cell(row, row.notStarted, 'not_started')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Th>Total</Table.Th>
                <Table.Td>{d.total.people}</Table.Td>
                <Table.Td>
                  <CompliantCell row={d.total} />
                </Table.Td>
                <Table.Td>{d.total.expiring}</Table.Td>
                <Table.Td>{d.total.overdue}</Table.Td>
                <Table.Td>{d.total.inProgress}</Table.Td>
                <Table.Td>{d.total.notStarted}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {d && (
        <Text size="xs" c="dimmed">
          As of {new Date(d.asOf).toLocaleString()}
        </Text>
      )}
      {drill && rule && <RulePeopleDrawer rule={rule} drill={drill} onClose={() => setDrill(null)} />}
    </Stack>
  );
}

function RulePeopleDrawer({ rule, drill, onClose }: { rule: ComplianceRule; drill: Drill; onClose: () => void }) {
  const [status, setStatus] = useState<ComplianceStatus | null>(drill.status ?? null);
  const people = useInfiniteQuery(complianceQueries.people(rule.id, drill.departmentId, status));
  const shown = people.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={`${rule.name}: ${drill.departmentName ?? 'No department'}`} styles={drawerTitle} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <Select
          label="Standing"
          data={[{ value: '', label: 'Everyone' }, ...Object.entries(statusLabels).map(([value, label]) => ({ value, label }))]}
          value={status ?? ''}
          onChange={(v) => setStatus((v as ComplianceStatus) || null)}
          allowDeselect={false}
          maw={240}
        />
        <ErrorAlert error={people.error} />
        {people.isLoading ? (
          <Loading label="Loading people" />
        ) : people.isError ? null : shown.length === 0 ? (
          <EmptyText>No one here{status ? ` is ${statusLabels[status].toLowerCase()}` : ''}.</EmptyText>
        ) : (
          <Stack gap="sm">
            {shown.map((p) => (
              <Group key={p.personId} justify="space-between" wrap="wrap" gap="xs">
                <PersonLine id={p.personId} name={p.name} subtitle={p.jobTitle} />
                <Stack gap={2} align="flex-end">
                  <Badge color={statusColors[p.status]} variant="light">
                    {statusLabels[p.status]}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {p.validUntil && new Date(p.validUntil) > new Date() ? `Valid until ${formatDate(p.validUntil)}` : p.dueAt ? `Due ${formatDate(p.dueAt)}` : 'Not enrolled yet'}
                  </Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        )}
        <LoadMore hasMore={!!people.hasNextPage} loading={people.isFetchingNextPage} onClick={() => void people.fetchNextPage()} />
      </Stack>
    </Drawer>
  );
}

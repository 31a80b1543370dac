import { Anchor, Badge, Button, Card, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ApiError } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { EnrollmentStatusBadge } from '../enrollment/EnrollmentStatusBadge.tsx';
import { reasonLabel } from '../enrollment/reasons.ts';
import { reportQueries, type QuizItem } from './api.ts';
import { dash, flagHelp, flagLabels } from './format.ts';
import { LoopClosureCard } from '../../insight/follow-ups/LoopClosureCard.tsx';

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

function ItemRow({ item }: { item: QuizItem }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{item.prompt ?? `Question ${item.questionId} (no longer in the course)`}</Text>
      </Table.Td>
      <Table.Td>{item.attempts}</Table.Td>
      <Table.Td>{percent(item.difficulty)}</Table.Td>
      <Table.Td>{item.discrimination == null ? <Text span c="dimmed" size="sm">Too few attempts</Text> : item.discrimination.toFixed(2)}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {item.flags.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            item.flags.map((f) => (
              <Tooltip key={f} label={flagHelp[f]} multiline w={240} events={{ hover: true, focus: true, touch: true }}>
                <Badge color={f === 'poor_discrimination' ? 'orange' : 'yellow'} variant="light" tabIndex={0} aria-label={`${flagLabels[f]}: ${flagHelp[f]}`}>
                  {flagLabels[f]}
                </Badge>
              </Tooltip>
            ))
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export default function CourseReportPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const report = useQuery(reportQueries.course(id));
  const r = report.data;
  const back = (
    <Anchor component={Link} to="/admin/learning-reports" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden /> All course reports
      </Group>
    </Anchor>
  );
  if (report.isLoading) return <Loading label="Loading the course report" />;
  if (!r) {
    const missing = report.error instanceof ApiError && report.error.status === 404;
    return (
      <>
        <PageHeader title="Course report" />
        {back}
        <ErrorAlert error={missing ? 'This course does not exist or you cannot see its report.' : report.error} />
      </>
    );
  }
  return (
    <>
      <Stack gap={4} mb="xs">
        {back}
      </Stack>
      <PageHeader
        title={`Report: ${r.course.title}`}
        description={r.course.status !== 'published' ? `This course is ${r.course.status}.` : undefined}
        actions={
          <Button component="a" href={`/api/v1/reports/courses/${r.course.id}.csv`} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            Enrolments CSV
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="lg">
        <Stat label="Enrolled" value={String(r.enrolled)} />
        <Stat label="Completion" value={dash(r.completionRate, '%')} hint={`${r.completed} completed`} />
        <Stat label="Overdue" value={String(r.overdue)} />
        <Stat
          label="Time spent"
          value={dash(r.timeSpent.medianMinutes, ' min')}
          hint={r.timeSpent.count ? `median; mean ${dash(r.timeSpent.meanMinutes, ' min')} over ${r.timeSpent.count}` : 'no time recorded yet'}
        />
      </SimpleGrid>
      <LoopClosureCard courseId={r.course.id} />

      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            By status
          </Title>
          {r.byStatus.length === 0 ? (
            <EmptyText>No enrolments yet.</EmptyText>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Enrolments</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.byStatus.map((s) => (
                  <Table.Tr key={s.status}>
                    <Table.Td>
                      <EnrollmentStatusBadge status={s.status} />
                    </Table.Td>
                    <Table.Td>{s.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            By reason
          </Title>
          {r.byReason.length === 0 ? (
            <EmptyText>No enrolments yet.</EmptyText>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Why they enrolled</Table.Th>
                  <Table.Th>Enrolments</Table.Th>
                  <Table.Th>Completed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.byReason.map((x) => (
                  <Table.Tr key={x.reasonType}>
                    <Table.Td>{reasonLabel(x.reasonType)}</Table.Td>
                    <Table.Td>{x.count}</Table.Td>
                    <Table.Td>{x.completed}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>

      <Title order={2} size="h3" mb="xs">
        Quiz item analysis
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Difficulty is the share answering correctly. Discrimination is the correlation between getting the question right and the whole attempt’s score (0.2 or more is
        healthy); it needs at least 5 attempts.
      </Text>
      {r.quizzes.length === 0 ? (
        <EmptyText>No submitted quiz attempts yet.</EmptyText>
      ) : (
        <Stack mb="lg">
          {r.quizzes.map((qz) => (
            <Card withBorder key={`${qz.lessonId}/${qz.quizId}`}>
              <Group justify="space-between" mb="xs" wrap="wrap">
                <Title order={3} size="h5">
                  {qz.lessonTitle ?? 'Quiz'}
                </Title>
                <Text size="sm" c="dimmed">
                  {qz.attempts} attempts · pass rate {dash(qz.passRate, '%')} · mean score {dash(qz.meanScore, '%')}
                </Text>
              </Group>
              <Table.ScrollContainer minWidth={620}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Question</Table.Th>
                      <Table.Th>Answers</Table.Th>
                      <Table.Th>Difficulty</Table.Th>
                      <Table.Th>Discrimination</Table.Th>
                      <Table.Th>Flags</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {qz.items.map((item) => (
                      <ItemRow key={item.questionId} item={item} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          ))}
        </Stack>
      )}

      <Title order={2} size="h3" mb="xs">
        Reactions
      </Title>
      {r.reactions.count === 0 ? (
        <EmptyText>No one has rated this course yet.</EmptyText>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }} mb="md">
            <Stat label="Relevance" value={`${dash(r.reactions.relevance)} / 5`} />
            <Stat label="Confidence" value={`${dash(r.reactions.confidence)} / 5`} />
            <Stat label="Intent to apply" value={`${dash(r.reactions.intentToApply)} / 5`} />
          </SimpleGrid>
          <Text size="sm" c="dimmed" mb="xs">
            From {r.reactions.count} {r.reactions.count === 1 ? 'response' : 'responses'}.
          </Text>
          <Title order={3} size="h5" mb="xs">
            Recent comments
          </Title>
          {r.reactions.comments.length === 0 ? (
            <Text c="dimmed" size="sm">
              No comments yet.
            </Text>
          ) : (
            <List spacing="xs">
              {r.reactions.comments.map((c, i) => (
                <List.Item key={i}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {c.comment}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {new Date(c.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </>
  );
}

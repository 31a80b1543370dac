import { Anchor, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { reportQueries, type CourseReportRow } from '../learning/reports/api.ts';
import { ErrorAlert, Loading } from '../../ui/common.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';

/** Totals over the published courses of the first report page (the busiest, as the report orders them). */
export function learningTotals(rows: CourseReportRow[]) {
  const enrolled = rows.reduce((n, r) => n + r.enrolled, 0);
  const completed = rows.reduce((n, r) => n + r.completed, 0);
  const overdue = rows.reduce((n, r) => n + r.overdue, 0);
  const reactions = rows.reduce((n, r) => n + r.reactions, 0);
  const reactionSum = rows.reduce((n, r) => n + (r.meanReaction ?? 0) * r.reactions, 0);
  return {
    enrolled,
    completed,
    completionRate: enrolled ? Math.round((completed / enrolled) * 1000) / 10 : null,
    overdue,
    meanReaction: reactions ? Math.round((reactionSum / reactions) * 10) / 10 : null,
    reactions,
    mostOverdue: [...rows].filter((r) => r.overdue > 0).sort((a, b) => b.overdue - a.overdue).slice(0, 3),
  };
}

/** A learning admin's glance: completion, overdue and reaction over the published courses. */
export function LearningHealth() {
  const report = useInfiniteQuery({ ...reportQueries.courses('', 'published'), select: (d) => d.pages[0]?.data ?? [] });
  return (
    <SectionCard title="Learning health">
      {report.error ? (
        <ErrorAlert error={report.error} title="Could not load the learning report" />
      ) : !report.data ? (
        <Loading label="Loading learning health" />
      ) : (
        <Health rows={report.data} />
      )}
    </SectionCard>
  );
}

function Health({ rows }: { rows: CourseReportRow[] }) {
  const t = learningTotals(rows);
  if (t.enrolled === 0) return <Text c="dimmed">No one is enrolled in a published course yet.</Text>;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stack gap={4}>
          <Text fw={600}>Completion</Text>
          <Text size="xl" fw={700}>{t.completionRate}%</Text>
          <Progress value={t.completionRate ?? 0} aria-label={`Completion ${t.completionRate}%`} />
          <Text size="sm" c="dimmed">{t.completed.toLocaleString()} of {t.enrolled.toLocaleString()} enrolments</Text>
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>Overdue</Text>
          <Text size="xl" fw={700} c={t.overdue ? 'red.8' : undefined}>{t.overdue.toLocaleString()}</Text>
          <Text size="sm" c="dimmed">enrolments past their due date</Text>
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>Reaction</Text>
          <Text size="xl" fw={700}>{t.meanReaction === null ? '–' : `${t.meanReaction} / 5`}</Text>
          <Text size="sm" c="dimmed">{t.reactions ? `mean of ${t.reactions.toLocaleString()} ratings` : 'no ratings yet'}</Text>
        </Stack>
      </SimpleGrid>
      {t.mostOverdue.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>Most overdue</Text>
          {t.mostOverdue.map((r) => (
            <Group key={r.courseId} gap="xs" wrap="nowrap">
              <Anchor component={Link} to="/admin/learning-reports/$id" params={{ id: r.courseId } as never} size="sm" lineClamp={1}>
                {r.title}
              </Anchor>
              <Text size="sm" c="dimmed">{r.overdue} overdue</Text>
            </Group>
          ))}
        </Stack>
      )}
      <Anchor component={Link} to="/admin/learning-reports" size="sm">
        All course reports
      </Anchor>
    </Stack>
  );
}

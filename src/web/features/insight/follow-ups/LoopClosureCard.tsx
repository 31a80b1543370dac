import { Alert, Card, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../../ui/common.tsx';
import { reasonLabel } from '../../learning/enrollment/reasons.ts';
import { followUpQueries } from './api.ts';

const pct = (x: number | null) => (x == null ? '–' : `${Math.round(x * 100)}%`);

/** A course's or program's loop closure: the share of followed-up reasons that improved, with the counts behind it. */
export function LoopClosureCard({ courseId, programId }: { courseId?: string; programId?: string }) {
  const q = useQuery(followUpQueries.summary(courseId ? { courseId } : { programId }));
  return (
    <Card withBorder component="section" aria-labelledby="loop-closure-title" mb="lg">
      <Title order={2} size="h4" mb="sm" id="loop-closure-title">
        Loop closure
      </Title>
      {q.isPending ? (
        <Loading label="Loading loop closure" />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Group gap="xl" mb="xs">
            <div>
              <Text size="xl" fw={700}>
                {pct(q.data.rate)}
              </Text>
              <Text size="xs" c="dimmed">
                improved of {q.data.decided} followed up
              </Text>
            </div>
            <Text size="sm">
              {q.data.improved} improved · {q.data.notImproved} not improved · {q.data.pending} pending
            </Text>
          </Group>
          {q.data.flagged && (
            <Alert color="orange" mb="xs" title="Low loop closure">
              Many completions, but few of their reasons improved afterwards. Worth a look at what the course teaches.
            </Alert>
          )}
          {q.data.byReason.length === 0 ? (
            <Text size="sm" c="dimmed">
              No completions with a reason have been followed up yet.
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {q.data.byReason.map((r) => `${reasonLabel(r.reasonType)}: ${pct(r.rate)} of ${r.decided}`).join(' · ')}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}

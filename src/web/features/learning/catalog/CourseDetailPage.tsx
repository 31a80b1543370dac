import { Alert, Anchor, Badge, Button, Card, Group, Image, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconExternalLink } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ApiError } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { formatLabel } from '../authoring/format.ts';
import { enrollmentKeys } from '../enrollment/api.ts';
import { catalogApi, catalogKeys, catalogQueries } from './api.ts';
import { duration } from './format.ts';
import { EnrollmentStatusBadge } from '../enrollment/EnrollmentStatusBadge.tsx';
import { LiveSessionsPanel } from '../sessions/LiveSessionsPanel.tsx';

export default function CourseDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const navigate = useNavigate();
  const course = useQuery(catalogQueries.course(id));
  const enrol = useMutation({
    mutationFn: () => catalogApi.enrollInCourse(id),
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: 'You are enrolled' });
      void qc.invalidateQueries({ queryKey: catalogKeys.all });
      void qc.invalidateQueries({ queryKey: enrollmentKeys.mine });
      void navigate({ to: '/learning/enrollments/$id', params: { id: r.enrollment.id } });
    },
  });

  if (course.isLoading) return <Loading label="Loading the course" />;
  if (course.error || !course.data) {
    const missing = course.error instanceof ApiError && course.error.status === 404;
    return (
      <>
        <PageHeader title={missing ? 'Course not found' : 'Course'} />
        {missing ? <EmptyText>This course is not in the catalog. It may have been archived.</EmptyText> : <ErrorAlert error={course.error} />}
        <Anchor component={Link} to="/learning/catalog">
          Back to the catalog
        </Anchor>
      </>
    );
  }
  const c = course.data;
  const mine = c.myEnrollment;
  const unmet = c.prerequisites.filter((p) => !p.completed);
  const enrolError = enrol.error instanceof ApiError ? enrol.error : null;
  // A live course without pre-work is taken in its sessions (registering enrols): nothing to
  // open in the player and no separate Enrol step.
  const hasPlayer = c.format !== 'live' || c.outline.length > 0;

  return (
    <>
      <PageHeader
        title={c.title}
        description={c.summary}
        actions={
          mine && hasPlayer ? (
            <Button component={Link} to="/learning/enrollments/$id" params={{ id: mine.id } as never}>
              {mine.status === 'completed' ? 'Review' : mine.status === 'not_started' ? 'Start' : 'Continue'}
            </Button>
          ) : !mine && hasPlayer && c.selfEnrollment && c.status === 'published' ? (
            <Button onClick={() => enrol.mutate()} loading={enrol.isPending} disabled={unmet.length > 0}>
              Enrol
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {enrolError && (
          <Alert color="red" role="alert" title="You could not be enrolled">
            {enrolError.message}
          </Alert>
        )}
        <Group gap="xs">
          <Badge variant="light">{formatLabel[c.format]}</Badge>
          {duration(c.estimatedMinutes) && <Badge variant="outline" color="gray">{duration(c.estimatedMinutes)}</Badge>}
          {mine && <EnrollmentStatusBadge status={mine.status} />}
          {c.tags.map((t) => (
            <Badge key={t} variant="dot" color="gray">
              {t}
            </Badge>
          ))}
        </Group>
        {!mine && !c.selfEnrollment && (
          <Text c="dimmed">This course is taken by assignment: ask your manager or the learning team.</Text>
        )}
        {!mine && unmet.length > 0 && (
          <Alert color="yellow" title="Complete these first">
            <List size="sm">
              {unmet.map((p) => (
                <List.Item key={p.id}>
                  <Anchor component={Link} to="/learning/catalog/courses/$id" params={{ id: p.id } as never}>
                    {p.title}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {c.coverUrl && <Image src={c.coverUrl} alt="" mah={240} fit="cover" radius="md" />}
        {c.format === 'external' && c.externalUrl && (
          <Anchor href={c.externalUrl} target="_blank" rel="noopener noreferrer">
            Where this course happens <IconExternalLink size={14} aria-hidden />
          </Anchor>
        )}
        {c.skills.length > 0 && (
          <section aria-labelledby="skills-h">
            <Title order={2} size="h4" id="skills-h" mb="xs">
              Skills it builds
            </Title>
            <Group gap="xs">
              {c.skills.map((s) => (
                <Badge key={s.id} variant="light" color="teal">
                  {s.name} · level {s.level}
                </Badge>
              ))}
            </Group>
          </section>
        )}
        {c.prerequisites.length > 0 && (
          <section aria-labelledby="pre-h">
            <Title order={2} size="h4" id="pre-h" mb="xs">
              Prerequisites
            </Title>
            <List size="sm" spacing={4}>
              {c.prerequisites.map((p) => (
                <List.Item key={p.id} icon={p.completed ? <IconCheck size={16} color="green" aria-label="Completed" /> : undefined}>
                  <Anchor component={Link} to="/learning/catalog/courses/$id" params={{ id: p.id } as never}>
                    {p.title}
                  </Anchor>
                  {p.completed ? '' : ' (not completed yet)'}
                </List.Item>
              ))}
            </List>
          </section>
        )}
        {c.format === 'live' && <LiveSessionsPanel courseId={c.id} />}
        {hasPlayer && (
          <section aria-labelledby="outline-h">
            <Title order={2} size="h4" id="outline-h" mb="xs">
              Outline
            </Title>
            {c.outline.length === 0 ? (
              <Text c="dimmed">No lessons listed.</Text>
            ) : (
              <Stack gap="sm">
                {c.outline.map((s) => (
                  <Card key={s.id} withBorder padding="sm">
                    <Text fw={600}>{s.title}</Text>
                    <List size="sm" mt={4}>
                      {s.lessons.map((l) => (
                        <List.Item key={l.id}>
                          {l.title}
                          {l.estimatedMinutes ? ` · ${l.estimatedMinutes} min` : ''}
                        </List.Item>
                      ))}
                    </List>
                  </Card>
                ))}
              </Stack>
            )}
          </section>
        )}
      </Stack>
    </>
  );
}

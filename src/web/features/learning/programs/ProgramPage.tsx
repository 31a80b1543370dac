import { Alert, Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconClipboardCheck, IconLock, IconSchool } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { CheckpointForm } from './CheckpointForm.tsx';
import { EvidenceView } from './EvidenceView.tsx';
import { catalogApi } from '../catalog/api.ts';
import { programKeys, programQueries, type ProgramStep, type ViewStep } from './api.ts';
import { reasonLabel } from '../enrollment/reasons.ts';

const stateBadge = {
  done: { color: 'green', label: 'Done' },
  available: { color: 'blue', label: 'Available' },
  locked: { color: 'gray', label: 'Locked' },
} as const;

/** A program (learning path) for the learner: what it is, its steps, and their state. */
export default function ProgramPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const program = useQuery(programQueries.one(id));
  const enrollmentId = program.data?.myEnrollment?.id;
  const view = useQuery(programQueries.view(enrollmentId));
  const enrol = useMutation({
    mutationFn: () => catalogApi.enrollInProgram(id),
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'You are enrolled. Start with the first step.' });
      void qc.invalidateQueries({ queryKey: programKeys.one(id) });
    },
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: programKeys.view(enrollmentId) });
    void qc.invalidateQueries({ queryKey: programKeys.one(id) });
  };

  if (program.isLoading) return <Loading label="Loading the program" />;
  if (program.isError || !program.data) return <ErrorAlert error={program.error} title="This program could not be opened" />;
  const p = program.data;
  const v = view.data;
  return (
    <>
      <PageHeader
        title={p.title}
        description={p.summary}
        actions={
          !p.myEnrollment && p.selfEnrollment ? (
            <Button onClick={() => enrol.mutate()} loading={enrol.isPending}>
              Enrol
            </Button>
          ) : undefined
        }
      />
      <ErrorAlert error={enrol.error} title="Could not enrol" />
      <Group gap="xs" mb="md">
        {p.tags.map((t) => (
          <Badge key={t} variant="light" color="gray">
            {t}
          </Badge>
        ))}
        <Text size="sm" c="dimmed">
          {p.steps.length} {p.steps.length === 1 ? 'step' : 'steps'}
          {p.enforceOrder ? ' · in order' : ' · in any order'}
          {p.dueDays ? ` · due ${p.dueDays} days after enrolling` : ''}
        </Text>
      </Group>
      {!p.myEnrollment && !p.selfEnrollment && (
        <Alert color="gray" mb="md">
          This program is assigned by your manager or the learning team; it is not open for self-enrolment.
        </Alert>
      )}
      {v && (
        <Card withBorder mb="md" padding="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={500}>{v.enrollment.status === 'completed' ? 'Completed' : `${v.enrollment.progress}% done`}</Text>
            <Text size="sm" c="dimmed">
              {reasonLabel(v.enrollment.reasonType)}
              {v.enrollment.dueAt ? ` · due ${new Date(v.enrollment.dueAt).toLocaleDateString()}` : ''}
            </Text>
          </Group>
          <Progress value={v.enrollment.progress} mt="xs" aria-label="Program progress" />
        </Card>
      )}
      <ErrorAlert error={view.error} />
      {view.isLoading && <Loading label="Loading your steps" />}
      <Title order={2} size="h3" mb="sm">
        Steps
      </Title>
      {p.steps.length === 0 ? (
        <EmptyText>This program has no steps yet.</EmptyText>
      ) : (
        <Stack component="ol" gap="sm" p={0} style={{ listStyle: 'none' }}>
          {(v?.steps ?? p.steps).map((s, i) => (
            <li key={s.id}>
              <StepCard step={s} n={i + 1} enrollmentId={enrollmentId} onChange={refresh} />
            </li>
          ))}
        </Stack>
      )}
    </>
  );
}

function StepCard({ step, n, enrollmentId, onChange }: { step: ProgramStep | ViewStep; n: number; enrollmentId?: string; onChange: () => void }) {
  const state = 'state' in step ? step.state : null;
  const Icon = state === 'done' ? IconCheck : state === 'locked' ? IconLock : step.kind === 'course' ? IconSchool : IconClipboardCheck;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Icon size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <div>
              <Text fw={600}>
                {n}. {step.title ?? 'Untitled step'}
              </Text>
              <Text size="xs" c="dimmed">
                {step.kind === 'course' ? `Course${step.course?.estimatedMinutes ? ` · ${step.course.estimatedMinutes} min` : ''}` : 'Checkpoint'}
              </Text>
            </div>
          </Group>
          {state && (
            <Badge color={stateBadge[state].color} variant="light" style={{ flexShrink: 0 }}>
              {stateBadge[state].label}
            </Badge>
          )}
        </Group>
        {step.kind === 'course' ? <CourseStep step={step} /> : <CheckpointStep step={step} enrollmentId={enrollmentId} onChange={onChange} />}
      </Stack>
    </Card>
  );
}

function CourseStep({ step }: { step: ProgramStep | ViewStep }) {
  const v = 'state' in step ? step : null;
  if (v?.state === 'locked') return <Text size="sm" c="dimmed">Opens when the steps before it are done.</Text>;
  return (
    <Group gap="sm">
      {v?.courseEnrollment ? (
        <Button size="xs" component={Link} to={`/learning/enrollments/${v.courseEnrollment.id}`}>
          {v.state === 'done' ? 'Review the course' : v.courseEnrollment.progress > 0 ? 'Continue' : 'Start'}
        </Button>
      ) : null}
      {step.courseId && (
        <Anchor component={Link} to={`/learning/catalog/courses/${step.courseId}`} size="sm">
          About this course
        </Anchor>
      )}
    </Group>
  );
}

function CheckpointStep({ step, enrollmentId, onChange }: { step: ProgramStep | ViewStep; enrollmentId?: string; onChange: () => void }) {
  const v = 'state' in step ? step : null;
  const sub = v?.submission;
  const approver = step.approver === 'person' ? (step.approverPerson?.name ?? 'a named person') : 'your manager';
  return (
    <Stack gap="xs">
      {step.instructions && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {step.instructions}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Approved by {approver}. Evidence: {(step.evidenceKinds ?? []).join(', ') || 'any'}.
      </Text>
      {sub && (
        <Alert
          color={sub.status === 'approved' ? 'green' : sub.status === 'returned' ? 'orange' : 'blue'}
          title={sub.status === 'approved' ? 'Approved' : sub.status === 'returned' ? 'Sent back' : 'Waiting for approval'}
        >
          <Stack gap={6}>
            <EvidenceView s={sub} />
            {sub.reviewComment && (
              <Text size="sm">
                <strong>{sub.reviewer?.name ?? 'Reviewer'}:</strong> {sub.reviewComment}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {v && enrollmentId && v.state === 'available' && sub?.status !== 'submitted' && (
        <CheckpointForm enrollmentId={enrollmentId} stepId={step.id} kinds={step.evidenceKinds ?? ['text']} onDone={onChange} />
      )}
      {v?.state === 'locked' && <Text size="sm" c="dimmed">Opens when the steps before it are done.</Text>}
    </Stack>
  );
}

import { Alert, Anchor, Button, Card, Collapse, Grid, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconArrowRight, IconCheck, IconExternalLink, IconListDetails } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { EnrollmentStatusBadge } from '../enrollment/EnrollmentStatusBadge.tsx';
import { CompletionPanel } from './CompletionPanel.tsx';
import { LessonBlocks } from './LessonBlocks.tsx';
import { Outline } from './Outline.tsx';
import { enrollmentKeys } from '../enrollment/api.ts';
import { playerApi, playerKeys, playerQueries, type Player } from './api.ts';

/** Reports time in chunks, so a closed tab loses at most a minute. */
const FLUSH_MS = 60_000;

function useLessonTimer(enrollmentId: string, lessonId: string | null, enabled: boolean) {
  const since = useRef(Date.now());
  const flush = useCallback(
    (lesson: string) => {
      const seconds = Math.min(3600, Math.round((Date.now() - since.current) / 1000));
      since.current = Date.now();
      if (seconds > 0) void playerApi.progress(enrollmentId, lesson, { timeSpentSeconds: seconds }).catch(() => {});
    },
    [enrollmentId],
  );
  useEffect(() => {
    if (!lessonId || !enabled) return;
    since.current = Date.now();
    const t = setInterval(() => flush(lessonId), FLUSH_MS);
    return () => {
      clearInterval(t);
      flush(lessonId);
    };
  }, [lessonId, enabled, flush]);
}

function Lesson({ player, lessonId, onPick, onChanged }: { player: Player; lessonId: string; onPick: (id: string) => void; onChanged: () => void }) {
  const e = player.enrollment;
  const lesson = useQuery(playerQueries.lesson(e.id, lessonId));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (lesson.data) heading.current?.focus();
  }, [lesson.data?.id]);
  const mark = useMutation({
    mutationFn: (v: { completed: boolean }) => playerApi.progress(e.id, lessonId, { timeSpentSeconds: 0, completed: v.completed }),
    onSuccess: onChanged,
  });
  if (lesson.isPending) return <Loading label="Loading the lesson" />;
  if (lesson.error) return <ErrorAlert error={lesson.error} title="The lesson could not be loaded" />;
  const l = lesson.data;
  const hasQuiz = l.blocks.some((b) => b.type === 'quiz');
  const canMark = !hasQuiz && !l.completed && e.status !== 'expired';
  const next = () => {
    // Moving on from a lesson without a quiz completes it.
    if (canMark) mark.mutate({ completed: true });
    if (l.nextLessonId) onPick(l.nextLessonId);
  };
  return (
    <Stack gap="lg">
      <div>
        <Text size="sm" c="dimmed">
          {l.sectionTitle} · Lesson {l.position} of {l.lessonCount}
          {l.completed ? ' · Completed' : ''}
        </Text>
        <Title order={2} size="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {l.title}
        </Title>
      </div>
      <LessonBlocks enrollmentId={e.id} blocks={l.blocks} onChanged={onChanged} />
      <ErrorAlert error={mark.error} title="Progress was not saved" />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} disabled={!l.previousLessonId} onClick={() => l.previousLessonId && onPick(l.previousLessonId)}>
          Previous
        </Button>
        <Group gap="sm">
          {canMark && (
            <Button variant="light" leftSection={<IconCheck size={16} aria-hidden />} loading={mark.isPending} onClick={() => mark.mutate({ completed: true })}>
              Mark complete
            </Button>
          )}
          {l.nextLessonId ? (
            <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={next}>
              Next
            </Button>
          ) : (
            canMark && (
              <Button onClick={() => mark.mutate({ completed: true })} loading={mark.isPending}>
                Finish course
              </Button>
            )
          )}
        </Group>
      </Group>
    </Stack>
  );
}

function ExternalCourse({ player, onChanged }: { player: Player; onChanged: () => void }) {
  const done = useMutation({ mutationFn: () => playerApi.completeExternal(player.enrollment.id), onSuccess: onChanged });
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Text>This course takes place outside Tandem. When you have finished it, mark it complete here.</Text>
        {player.course.externalUrl && (
          <Anchor href={player.course.externalUrl} target="_blank" rel="noopener noreferrer">
            Open the course <IconExternalLink size={14} aria-hidden />
          </Anchor>
        )}
        <ErrorAlert error={done.error} />
        <Group>
          <Button onClick={() => done.mutate()} loading={done.isPending}>
            I have completed this course
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function PlayerPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const mobile = useMediaQuery('(max-width: 48em)');
  const [outlineOpen, setOutlineOpen] = useState(false);
  const [lessonId, setLessonId] = useState<string | null>(null);
  // Opening the course starts it and pins its version; the GET only reads, so it waits for this.
  const start = useMutation({ mutationFn: () => playerApi.start(id) });
  const { mutate: open } = start;
  useEffect(() => {
    open();
  }, [id, open]);
  const player = useQuery({ ...playerQueries.player(id), enabled: start.isSuccess || start.isError });
  const p = player.data;
  useEffect(() => {
    if (p && !lessonId) setLessonId(p.resumeLessonId);
  }, [p, lessonId]);
  const selfPaced = p?.course.format === 'self_paced';
  // When the last lesson completes the course, bring the learner to the completion panel.
  const prevStatus = useRef<string | undefined>(undefined);
  const completion = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const status = p?.enrollment.status;
    if (prevStatus.current && prevStatus.current !== 'completed' && status === 'completed') {
      window.scrollTo({ top: 0, behavior: 'smooth' });
      completion.current?.focus();
    }
    prevStatus.current = status;
  }, [p?.enrollment.status]);
  useLessonTimer(id, lessonId, !!selfPaced && p?.enrollment.status !== 'expired');

  const refresh = useCallback(() => {
    void qc.invalidateQueries({ queryKey: playerKeys.player(id) });
    void qc.invalidateQueries({ queryKey: enrollmentKeys.mine });
  }, [qc, id]);
  const pick = (lesson: string) => {
    setLessonId(lesson);
    if (mobile) setOutlineOpen(false);
    // Tell the server where to resume.
    void playerApi.progress(id, lesson, { timeSpentSeconds: 0 }).catch(() => {});
  };

  if (player.isPending) return <Loading label="Loading the course" />;
  if (player.error || !p) {
    return (
      <>
        <PageHeader title="Course" />
        <ErrorAlert error={player.error} title="This course could not be opened" />
        <Anchor component={Link} to="/learning">
          Back to My learning
        </Anchor>
      </>
    );
  }
  const e = p.enrollment;
  const lessons = p.outline.flatMap((s) => s.lessons);
  const outline = <Outline player={p} current={lessonId} onPick={pick} />;

  return (
    <Stack gap="md">
      <PageHeader
        title={p.course.title}
        description={
          <Group gap="xs" component="span">
            <EnrollmentStatusBadge status={e.status} overdue={!!e.dueAt && new Date(e.dueAt) < new Date() && ['not_started', 'in_progress'].includes(e.status)} />
            {e.dueAt && e.status !== 'completed' && <span>Due {new Date(e.dueAt).toLocaleDateString()}</span>}
          </Group>
        }
      />
      {selfPaced && (
        <div>
          <Text size="sm">
            {e.progress}% complete · {lessons.filter((l) => l.completed).length} of {lessons.length} lessons
          </Text>
          {/* Mantine puts aria-label on the progressbar itself; aria-labelledby would land on its wrapper. */}
          <Progress value={e.progress} aria-label="Course progress" mt={4} />
        </div>
      )}
      {e.status === 'completed' && (
        <div ref={completion} tabIndex={-1} style={{ outline: 'none' }}>
          <CompletionPanel player={p} onChanged={refresh} />
        </div>
      )}
      {e.status === 'failed' && (
        <Alert color="orange" title="Quiz attempts used up">
          You did not pass the quiz within the attempts allowed. Your manager or a learning admin can reset the course for another try.
        </Alert>
      )}
      {e.status === 'expired' && <Alert color="gray">This completion has expired. Look in My learning for a new enrolment.</Alert>}
      {p.course.format === 'external' && e.status !== 'completed' && <ExternalCourse player={p} onChanged={refresh} />}
      {p.course.format === 'live' && e.status !== 'completed' && (
        <Alert color="blue" title="Live course">
          This course completes when your attendance at a session is recorded.{' '}
          <Link to="/learning/catalog/courses/$id" params={{ id: p.course.id }}>
            See the sessions
          </Link>
        </Alert>
      )}
      {selfPaced &&
        (lessons.length === 0 ? (
          <EmptyText>This course has no lessons yet.</EmptyText>
        ) : (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
              {mobile ? (
                <>
                  <Button variant="default" fullWidth leftSection={<IconListDetails size={16} aria-hidden />} onClick={() => setOutlineOpen((o) => !o)} aria-expanded={outlineOpen} aria-controls="course-outline">
                    {outlineOpen ? 'Hide outline' : 'Show outline'}
                  </Button>
                  <Collapse expanded={outlineOpen} id="course-outline">
                    <Card withBorder mt="xs" padding="xs">
                      {outline}
                    </Card>
                  </Collapse>
                </>
              ) : (
                <Card withBorder padding="xs" style={{ position: 'sticky', top: 16 }}>
                  {outline}
                </Card>
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
              {lessonId ? <Lesson key={lessonId} player={p} lessonId={lessonId} onPick={pick} onChanged={refresh} /> : <EmptyText>Pick a lesson from the outline.</EmptyText>}
            </Grid.Col>
          </Grid>
        ))}
    </Stack>
  );
}

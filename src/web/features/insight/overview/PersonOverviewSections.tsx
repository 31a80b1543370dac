import { Badge, Button, Group, Progress, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../../ui/common.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { AssignDialog, type AssignTarget } from '../../learning/enrollment/AssignDialog.tsx';
import { PlanItemDialog, TalkingPointDialog, type Acting, type ActingOn } from '../team/ActionDialogs.tsx';
import { dayLabel, goalStatusLabels, levelLabel } from '../team/api.ts';
import { overviewKeys, overviewQueries, type LoopClosure, type Overview } from './api.ts';

type Act = {
  assign: (t: Omit<AssignTarget, 'personIds'>) => void;
  talk: (text: string) => void;
  plan: (skillId: string, targetLevel: number) => void;
};

/**
 * The one-page person: the parts of a person the overview API lets the viewer see (a part it
 * sends as null is not shown at all; an empty one says so), each with the actions the viewer may
 * take there, using the dialogs My team uses.
 */
export function PersonOverviewSections({ personId }: { personId: string }) {
  const q = useQuery(overviewQueries.one(personId));
  const qc = useQueryClient();
  const [assign, setAssign] = useState<AssignTarget | null>(null);
  const [point, setPoint] = useState<Acting | null>(null);
  const [planItem, setPlanItem] = useState<Acting | null>(null);
  if (q.isLoading) return <Skeleton height={160} />;
  if (!q.data) return <ErrorAlert error={q.error} title="Could not load this person's overview" />;
  const o = q.data;
  const member: ActingOn = { person: o.person, oneOnOne: { nextMeetingId: o.oneOnOne?.nextMeetingId ?? null }, gaps: o.skills?.gaps ?? [] };
  const act: Act = {
    assign: (t) => setAssign({ ...t, personIds: [o.person.id] }),
    talk: (text) => setPoint({ member, action: { text } }),
    plan: (skillId, targetLevel) => setPlanItem({ member, action: { skillId, targetLevel } }),
  };
  const closed = (close: () => void) => () => {
    close();
    void qc.invalidateQueries({ queryKey: overviewKeys.one(personId) });
  };

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {o.skills && <StrengthsAndGaps o={o} skills={o.skills} act={act} />}
        <Goals o={o} act={act} />
        {o.hurdles && <Hurdles hurdles={o.hurdles} act={act} />}
        {o.learning && <Learning o={o} learning={o.learning} act={act} />}
        {o.feedback && <Feedback feedback={o.feedback} />}
        {o.oneOnOne && <OneOnOne o={o} one={o.oneOnOne} act={act} />}
      </SimpleGrid>
      <AssignDialog target={assign} onClose={closed(() => setAssign(null))} />
      <TalkingPointDialog acting={point} onClose={closed(() => setPoint(null))} />
      <PlanItemDialog acting={planItem} onClose={closed(() => setPlanItem(null))} />
    </>
  );
}

type Part<K extends keyof Overview> = NonNullable<Overview[K]>;

const small = { size: 'compact-xs', variant: 'light' } as const;

function List({ empty, children }: { empty: string; children: ReactNode[] }) {
  if (children.length === 0) return <Text size="sm" c="dimmed">{empty}</Text>;
  return <Stack gap="xs">{children}</Stack>;
}

function StrengthsAndGaps({ o, skills, act }: { o: Overview; skills: Part<'skills'>; act: Act }) {
  const a = skills.actions;
  return (
    <SectionCard title="Strengths and gaps">
      <Text size="xs" c="dimmed" mb="xs">
        {skills.jobProfile ? `Against ${skills.jobProfile.name}` : 'No job profile: nothing is expected yet'}
      </Text>
      <Group gap={6} mb="sm">
        {skills.strengths.length === 0 ? (
          <Text size="sm" c="dimmed">No strengths at or above the expected level yet</Text>
        ) : (
          skills.strengths.map((s) => (
            <Badge key={s.skillId} color="teal.9" variant="outline">
              {s.name} {levelLabel(s.current)}/{s.expected}
            </Badge>
          ))
        )}
      </Group>
      <List empty="No gaps">
        {skills.gaps.map((g) => (
          <Stack key={g.skillId} gap={4}>
            <Text size="sm">
              <b>{g.name}</b>: {g.current === null ? 'not assessed' : `level ${levelLabel(g.current)}`}, expected {g.expected}
              {g.planned ? ' · planned' : ''}
            </Text>
            <Group gap="xs">
              {a.assignLearning && skills.jobProfile && (
                <Button
                  {...small}
                  variant={g.recommended ? 'filled' : 'light'}
                  onClick={() =>
                    act.assign({
                      ...(g.recommended ? { [g.recommended.type === 'program' ? 'programId' : 'courseId']: g.recommended.id } : {}),
                      title: g.recommended?.title ?? 'learning',
                      reason: {
                        type: 'skill_gap',
                        recordType: 'job_profile',
                        recordId: skills.jobProfile!.id,
                        note: `To reach level ${g.expected} in ${g.name} (now ${g.current === null ? 'not assessed' : levelLabel(g.current)})`,
                      },
                    })
                  }
                >
                  {g.recommended ? `Assign ${g.recommended.title}` : 'Assign learning'}
                </Button>
              )}
              {a.addPlanItem && !g.planned && <Button {...small} onClick={() => act.plan(g.skillId, g.expected)}>Add a plan item</Button>}
              {a.askSelfAssessment && g.current === null && <Button {...small} component={Link} to="/skill-rounds">Ask for a self-assessment</Button>}
            </Group>
          </Stack>
        ))}
      </List>
      {o.person.self && a.selfAssess && <Text size="xs" c="dimmed" mt="sm">Rate yourself in Skills below.</Text>}
    </SectionCard>
  );
}

function Goals({ o, act }: { o: Overview; act: Act }) {
  const { items, actions } = o.goals;
  return (
    <SectionCard title="Goals">
      <List empty={o.person.self || o.person.viewerIsManager ? 'No open goals' : 'No open goals you may see'}>
        {items.map((g) => (
          <Stack key={g.id} gap={4}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" component={Link} to="/goals/$id" params={{ id: g.id } as never} style={{ flex: 1, overflowWrap: 'anywhere' }}>
                {g.title}
              </Text>
              <Text size="xs" fw={600} style={{ flexShrink: 0 }}>{goalStatusLabels[g.status] ?? g.status}</Text>
              <Progress value={g.progress} w={60} aria-label={`${g.title}: ${Math.round(g.progress)}%`} />
            </Group>
            {actions.addTalkingPoint && (
              <Group gap="xs">
                <Button {...small} onClick={() => act.talk(`Goal: ${g.title}`)}>Talk about it in the next 1:1</Button>
              </Group>
            )}
          </Stack>
        ))}
      </List>
    </SectionCard>
  );
}

function Hurdles({ hurdles, act }: { hurdles: Part<'hurdles'>; act: Act }) {
  const a = hurdles.actions;
  return (
    <SectionCard title="Hurdles" actions={a.raiseHurdle && <Button {...small} component={Link} to="/hurdles">Raise a hurdle</Button>}>
      <List empty="No open hurdles">
        {hurdles.items.map((h) => (
          <Stack key={h.id} gap={4}>
            <Text size="sm">
              {h.title} <Text span c="dimmed" size="xs">({h.category}, since {dayLabel(h.openedAt)})</Text>
            </Text>
            <Group gap="xs">
              {a.addTalkingPoint && <Button {...small} onClick={() => act.talk(`Hurdle: ${h.title}`)}>Add to the next 1:1</Button>}
              {a.assignLearning && (
                <Button {...small} onClick={() => act.assign({ title: 'learning', reason: { type: 'hurdle', recordType: 'hurdle', recordId: h.id, note: `To get past: ${h.title}` } })}>
                  Assign learning
                </Button>
              )}
            </Group>
          </Stack>
        ))}
      </List>
    </SectionCard>
  );
}

function Learning({ o, learning, act }: { o: Overview; learning: Part<'learning'>; act: Act }) {
  const rows = [
    ...learning.overdue.map((e) => ({ ...e, when: 'Overdue', color: 'red.9' })),
    ...learning.inProgress.map((e) => ({ ...e, when: e.status === 'not_started' ? 'Not started' : 'In progress', color: 'blue.9' })),
    ...learning.recentlyCompleted.map((e) => ({ ...e, when: 'Completed', color: 'teal.9' })),
  ];
  return (
    <SectionCard
      title="Learning"
      actions={learning.actions.assignLearning && <Button {...small} onClick={() => act.assign({ title: 'learning' })}>Assign learning</Button>}
    >
      <LoopFigure loop={learning.loopClosure} />
      <List empty="Nothing open or recently completed">
        {rows.map((e) => (
          <Group key={e.id} gap="xs" wrap="nowrap" justify="space-between">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>{e.title}</Text>
              <Text size="xs" c="dimmed">Why: {e.reason.label}{e.dueAt ? ` · due ${dayLabel(e.dueAt)}` : ''}</Text>
            </Stack>
            <Badge size="sm" variant="outline" color={e.color} style={{ flexShrink: 0 }}>{e.when}</Badge>
          </Group>
        ))}
      </List>
      <Text size="xs" mt="sm">
        <Link to="/people/$id/transcript" params={{ id: o.person.id } as never}>Transcript</Link>
      </Text>
    </SectionCard>
  );
}

/** Did the learning answer its reason: the share of followed-up reasons that improved, with the counts. */
function LoopFigure({ loop }: { loop: LoopClosure }) {
  if (loop.decided + loop.pending === 0) return null;
  const rate = loop.rate == null ? '–' : `${Math.round(loop.rate * 100)}%`;
  return (
    <Stack gap={4} mb="sm" role="group" aria-label="Loop closure">
      <Text size="sm" fw={600}>Loop closure {rate}</Text>
      {loop.decided > 0 && <Progress size="sm" color="teal" value={(loop.improved / loop.decided) * 100} aria-label={`Loop closure ${rate}`} />}
      <Text size="xs" c="dimmed">
        {loop.improved} improved · {loop.notImproved} not improved · {loop.pending} pending
      </Text>
    </Stack>
  );
}

function Feedback({ feedback }: { feedback: Part<'feedback'> }) {
  const a = feedback.actions;
  return (
    <SectionCard
      title="Feedback and praise"
      actions={(a.giveFeedback || a.requestFeedback) && <Button {...small} component={Link} to="/feedback">{a.giveFeedback ? 'Give feedback' : 'Ask for feedback'}</Button>}
    >
      <List empty="Nothing recent you may see">
        {[
          ...feedback.feedback.map((f) => (
            <Text key={f.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={500}>{f.anonymous ? 'Anonymous' : (f.giver?.name ?? 'Someone')}</Text>: {f.excerpt ?? '(answers)'}
            </Text>
          )),
          ...feedback.praise.map((p) => (
            <Text key={p.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={500}>Praise from {p.giver?.name ?? 'someone'}</Text>: {p.message}
            </Text>
          )),
        ]}
      </List>
    </SectionCard>
  );
}

function OneOnOne({ o, one, act }: { o: Overview; one: Part<'oneOnOne'>; act: Act }) {
  const withWhom = o.person.self ? (one.with ? `with ${one.with.name}` : '') : `with ${o.person.firstName}`;
  return (
    <SectionCard title="1:1s">
      <Stack gap="xs">
        <Text size="sm">
          Your 1:1 {withWhom}: last {one.lastHeldAt ? dayLabel(one.lastHeldAt) : 'none yet'} · next {one.nextAt ? dayLabel(one.nextAt) : 'not scheduled'}
        </Text>
        <Group gap="xs">
          {one.actions.addTalkingPoint && <Button {...small} onClick={() => act.talk('')}>Add a talking point</Button>}
          {one.seriesId && <Button {...small} variant="default" component={Link} to="/one-on-ones/$id" params={{ id: one.seriesId } as never}>Open the 1:1</Button>}
          {one.actions.startSeries && <Button {...small} component={Link} to="/one-on-ones">Start a 1:1</Button>}
        </Group>
      </Stack>
    </SectionCard>
  );
}

import { Alert, Badge, Button, Card, Group, Progress, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/common.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { PersonLine } from '../../../ui/PersonAvatar.tsx';
import { AssignDialog, type AssignTarget } from '../../learning/enrollment/AssignDialog.tsx';
import { PlanItemDialog, TalkingPointDialog, type Acting } from './ActionDialogs.tsx';
import { dayLabel, goalStatusColors, goalStatusLabels, levelLabel, signalColors, signalLabels, teamQueries, type SignalAction, type Team, type TeamMember, type TeamScope } from './api.ts';
import { HeatMap } from './HeatMap.tsx';

/** Signals shown on a card before "more". */
const TOP_SIGNALS = 3;

/**
 * My team: a card per report with what needs attention first (each signal with its action in
 * place), then their aspirations, strengths, gaps, goals, hurdles, learning, 1:1s and feedback;
 * a skills heat map; and, for managers of managers, everyone below with a roll-up per team.
 */
export default function MyTeamPage() {
  const [scope, setScope] = useState<TeamScope>('direct');
  const [cursor, setCursor] = useState<string | undefined>();
  const team = useQuery(teamQueries.team(scope, cursor));
  const [assign, setAssign] = useState<AssignTarget | null>(null);
  const [point, setPoint] = useState<Acting | null>(null);
  const [planItem, setPlanItem] = useState<Acting | null>(null);
  const managesManagers = team.data?.data.some((m) => !m.person.direct) || scope === 'all';

  const act = (member: TeamMember, action: SignalAction) => {
    if (action.kind === 'assign_learning' && action.item) {
      setAssign({
        ...(action.item.type === 'program' ? { programId: action.item.id } : { courseId: action.item.id }),
        title: action.item.title,
        personIds: [member.person.id],
        ...(action.reason ? { reason: action.reason } : {}),
      });
    } else if (action.kind === 'add_talking_point') setPoint({ member, action });
    else if (action.kind === 'add_plan_item') setPlanItem({ member, action });
  };

  return (
    <>
      <PageHeader
        title="My team"
        description="What needs your attention first, and each person's goals, skills, hurdles, learning and 1:1s."
        actions={
          <Group>
            <SegmentedControl
              aria-label="Whose team"
              value={scope}
              onChange={(v) => (setScope(v as TeamScope), setCursor(undefined))}
              data={[
                { value: 'direct', label: 'Direct reports' },
                { value: 'all', label: 'Everyone below me' },
              ]}
            />
            <Button component={Link} to="/team/learning" variant="light">
              Team learning
            </Button>
          </Group>
        }
      />
      <ErrorAlert error={team.error} title="Could not load your team" />
      {team.isLoading ? (
        <Skeleton height={200} />
      ) : !team.data ? null : team.data.data.length === 0 ? (
        <Alert variant="light" title={scope === 'all' ? 'Nobody is below you' : 'Nobody reports to you'}>
          When people report to you, each of them appears here with what needs your attention.
        </Alert>
      ) : (
        <Tabs defaultValue="people" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="people">People</Tabs.Tab>
            <Tabs.Tab value="skills">Skills heat map</Tabs.Tab>
            {team.data.teams && <Tabs.Tab value="teams">By team</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="people">
            <LoopClosureSlot loop={team.data.loopClosure} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {team.data.data.map((m) => (
                <MemberCard key={m.person.id} m={m} onAct={act} showManager={managesManagers} />
              ))}
            </SimpleGrid>
            {(cursor || team.data.nextCursor) && (
              <Group justify="center" mt="md">
                {cursor && <Button variant="default" onClick={() => setCursor(undefined)}>First page</Button>}
                {team.data.nextCursor && <Button variant="default" onClick={() => setCursor(team.data!.nextCursor!)}>Next page</Button>}
              </Group>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="skills">
            <HeatMap heatMap={team.data.heatMap} />
          </Tabs.Panel>
          {team.data.teams && (
            <Tabs.Panel value="teams">
              <Teams teams={team.data.teams} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
      <AssignDialog target={assign} onClose={() => setAssign(null)} />
      <TalkingPointDialog acting={point} onClose={() => setPoint(null)} />
      <PlanItemDialog acting={planItem} onClose={() => setPlanItem(null)} />
    </>
  );
}

type Loop = NonNullable<Team['loopClosure']>;
const pct = (rate: number | null) => (rate == null ? '–' : `${Math.round(rate * 100)}%`);

/** Did the learning answer its reason? The team's loop closure, with the counts behind it. */
function LoopClosureSlot({ loop }: { loop: Team['loopClosure'] }) {
  if (loop == null || loop.decided + loop.pending === 0) return null;
  return (
    <Card withBorder padding="sm" mb="md" component="section" aria-label="Loop closure">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={0}>
          <Text fw={600}>Loop closure {pct(loop.rate)}</Text>
          <Text size="sm" c="dimmed">{loopWords(loop)}</Text>
        </Stack>
        {loop.decided > 0 && (
          <Progress size="lg" w={220} color="teal" value={(loop.improved / loop.decided) * 100} aria-label={`${loop.improved} improved, ${loop.notImproved} did not`} />
        )}
      </Group>
    </Card>
  );
}

function loopWords(l: Loop): string {
  const parts = [`${l.improved} of ${l.decided} followed-up reasons improved after the learning`];
  if (l.pending) parts.push(`${l.pending} still to follow up`);
  return parts.join('; ');
}

function ActionButton({ m, a, onAct }: { m: TeamMember; a: SignalAction; onAct: (m: TeamMember, a: SignalAction) => void }) {
  const common = { size: 'compact-sm', variant: a.kind === 'assign_learning' ? 'filled' : 'light' } as const;
  if (a.kind === 'give_feedback') return <Button {...common} component={Link} to="/feedback">{a.label}</Button>;
  if (a.kind === 'ask_self_assessment') return <Button {...common} component={Link} to="/skill-rounds">{a.label}</Button>;
  return (
    <Button {...common} onClick={() => onAct(m, a)}>
      {a.label}
    </Button>
  );
}

function MemberCard({ m, onAct, showManager }: { m: TeamMember; onAct: (m: TeamMember, a: SignalAction) => void; showManager: boolean }) {
  const [all, setAll] = useState(false);
  const signals = all ? m.signals : m.signals.slice(0, TOP_SIGNALS);
  const learning = [...m.learning.overdue.map((e) => ({ ...e, when: 'Overdue' })), ...m.learning.inProgress.map((e) => ({ ...e, when: 'In progress' })), ...m.learning.recentlyCompleted.map((e) => ({ ...e, when: 'Completed' }))];
  return (
    <Card withBorder padding="md" component="article" aria-label={m.person.name}>
      <PersonLine id={m.person.id} name={m.person.name} subtitle={[m.person.jobTitle, showManager && m.person.manager && !m.person.direct ? `reports to ${m.person.manager.name}` : null].filter(Boolean).join(' · ')} />

      <Stack gap="xs" mt="sm" role="region" aria-label={`Needs attention: ${m.person.firstName}`}>
        {m.signals.length === 0 ? (
          <Text size="sm" c="dimmed">Nothing needs your attention.</Text>
        ) : (
          signals.map((s) => (
            <Card key={`${s.kind}:${s.record.id}`} withBorder padding="xs" radius="sm">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={signalColors[s.kind]} variant="light" style={{ flexShrink: 0 }}>{signalLabels[s.kind]}</Badge>
                <Text size="sm">{s.message}</Text>
              </Group>
              <Group gap="xs" mt={6}>
                {s.actions.map((a) => (
                  <ActionButton key={a.kind} m={m} a={a} onAct={onAct} />
                ))}
              </Group>
            </Card>
          ))
        )}
        {m.signals.length > TOP_SIGNALS && (
          <Button size="compact-xs" variant="subtle" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? 'Fewer' : `${m.signals.length - TOP_SIGNALS} more`}
          </Button>
        )}
      </Stack>

      <Part title="Aspirations" empty="None shared yet" items={m.aspirations.map((a) => ({ key: a.id, text: [a.profile?.name, a.description].filter(Boolean).join(' — ') || 'An aspiration' }))} />
      <Part title="Strengths" empty="None at or above the expected level yet" items={m.strengths.map((s) => ({ key: s.skillId, text: `${s.name} ${levelLabel(s.current)} (expected ${s.expected})` }))} />
      <Part title="Gaps" empty="No gaps" items={m.gaps.map((g) => ({ key: g.skillId, text: `${g.name}: ${g.current === null ? 'not assessed' : levelLabel(g.current)} of ${g.expected}${g.planned ? ' · planned' : ''}` }))} />
      <Section title="Goals">
        {m.goals.length === 0 ? (
          <Text size="sm" c="dimmed">No open goals</Text>
        ) : (
          m.goals.map((g) => (
            <Group key={g.id} gap="xs" wrap="nowrap">
              <Text size="sm" component={Link} to="/goals/$id" params={{ id: g.id } as never} style={{ flex: 1 }} lineClamp={1}>{g.title}</Text>
              <Badge size="sm" variant="light" color={goalStatusColors[g.status] ?? 'gray'}>{goalStatusLabels[g.status] ?? g.status}</Badge>
              <Progress value={g.progress} w={60} aria-label={`${g.title}: ${Math.round(g.progress)}%`} />
            </Group>
          ))
        )}
      </Section>
      <Part title="Hurdles" empty="No open hurdles" items={m.hurdles.map((h) => ({ key: h.id, text: `${h.title} (since ${dayLabel(h.openedAt)})` }))} />
      <Part title="Development plan" empty="No open items" items={m.plan.map((i) => ({ key: i.id, text: `${i.title}${i.dueDate ? ` · due ${dayLabel(i.dueDate)}` : ''}` }))} />
      <Section title="Learning">
        {learning.length === 0 ? (
          <Text size="sm" c="dimmed">Nothing open or recently completed</Text>
        ) : (
          <Table fz="sm" verticalSpacing={2}>
            <Table.Tbody>
              {learning.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.title}</Table.Td>
                  <Table.Td><Badge size="sm" variant="light" style={{ minWidth: 'max-content' }} color={e.when === 'Overdue' ? 'red' : e.when === 'Completed' ? 'green' : 'blue'}>{e.when}</Badge></Table.Td>
                  <Table.Td c="dimmed">{e.reason.label}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {learningMore(m.learning) > 0 && (
          <Text size="xs" c="dimmed" mt={2}>
            {learningWords(m.learning)} · <Link to="/team/learning">Team learning</Link>
          </Text>
        )}
        {m.loopClosure && m.loopClosure.decided + m.loopClosure.pending > 0 && (
          <Text size="xs" c="dimmed" mt={4}>
            Loop closure {pct(m.loopClosure.rate)}: {loopWords(m.loopClosure)}
          </Text>
        )}
      </Section>
      <Section title="1:1s">
        <Text size="sm">
          Last: {m.oneOnOne.lastHeldAt ? dayLabel(m.oneOnOne.lastHeldAt) : 'none yet'} · Next: {m.oneOnOne.nextAt ? dayLabel(m.oneOnOne.nextAt) : 'not scheduled'}
          {m.oneOnOne.seriesId && (
            <>
              {' · '}
              <Link to="/one-on-ones/$id" params={{ id: m.oneOnOne.seriesId } as never}>Open</Link>
            </>
          )}
        </Text>
      </Section>
      <Part
        title="Feedback and praise"
        empty="Nothing recent you may see"
        items={[
          ...m.feedback.map((f) => ({ key: f.id, text: `${f.anonymous ? 'Anonymous' : (f.giver?.name ?? 'Someone')}: ${f.excerpt ?? '(answers)'}` })),
          ...m.praise.map((p) => ({ key: p.id, text: `Praise from ${p.giver?.name ?? 'someone'}: ${p.message}` })),
        ]}
      />
    </Card>
  );
}

type CardLearning = TeamMember['learning'];
/** How many enrolments the card's lists hold beyond the few it shows. */
const learningMore = (l: CardLearning) => l.counts.overdue + l.counts.inProgress + l.counts.recentlyCompleted - l.overdue.length - l.inProgress.length - l.recentlyCompleted.length;
const learningWords = (l: CardLearning) =>
  [
    l.counts.overdue ? `${l.counts.overdue} overdue` : null,
    l.counts.inProgress ? `${l.counts.inProgress} in progress` : null,
    l.counts.recentlyCompleted ? `${l.counts.recentlyCompleted} completed recently` : null,
  ]
    .filter(Boolean)
    .join(', ') + ` (${learningMore(l)} more)`;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={2} mt="sm">
      <Title order={4} size="sm">{title}</Title>
      {children}
    </Stack>
  );
}

function Part({ title, empty, items }: { title: string; empty: string; items: Array<{ key: string; text: string }> }) {
  return (
    <Section title={title}>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">{empty}</Text>
      ) : (
        <Stack gap={0} component="ul" style={{ margin: 0, paddingLeft: 18 }}>
          {items.map((i) => (
            <Text key={i.key} size="sm" component="li">{i.text}</Text>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function Teams({ teams }: { teams: NonNullable<Team['teams']> }) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder aria-label="Signals per team">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Manager</Table.Th>
            <Table.Th scope="col">People</Table.Th>
            <Table.Th scope="col">Need attention</Table.Th>
            {(Object.keys(signalLabels) as Array<keyof typeof signalLabels>).map((k) => (
              <Table.Th key={k} scope="col">{signalLabels[k]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((t) => (
            <Table.Tr key={t.manager.id}>
              <Table.Th scope="row">{t.manager.name}</Table.Th>
              <Table.Td>{t.counts.people}</Table.Td>
              <Table.Td>{t.counts.needingAttention}</Table.Td>
              {(Object.keys(signalLabels) as Array<keyof typeof signalLabels>).map((k) => (
                <Table.Td key={k}>{t.counts[k]}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { aspirationQueries } from '../aspirations/api.ts';
import { jobProfileQueries } from '../job-profiles/api.ts';
import { assessmentQueries, type PersonSkillRow } from './api.ts';
import { basisLine } from './format.ts';
import { HistoryModal } from './HistoryModal.tsx';
import { LevelBar } from './LevelBar.tsx';
import { RateModal } from './RateModal.tsx';
import type { AspiredExpectation } from './SkillsChart.tsx';

// The chart library loads after the list it illustrates: the rows carry the same numbers as text.
const SkillsChart = lazy(() => import('./SkillsChart.tsx'));

/** A person's skills: current level against the profile's expected level, gaps, sources and history; self and manager rating. */
export function SkillsSection({ personId, mine }: { personId: string; mine: boolean }) {
  const q = useQuery(assessmentQueries.person(personId));
  const [rating, setRating] = useState<{ row: PersonSkillRow; source: 'self' | 'manager' } | null>(null);
  const [history, setHistory] = useState<PersonSkillRow | null>(null);
  const aspired = useAspiredExpectation(personId, q.data?.profile?.id ?? null);
  if (q.error instanceof ApiError && q.error.status === 404) return null;
  const data = q.data;
  const self = !!data?.canSelfAssess && mine;
  const manager = !!data?.canRateAsManager;
  return (
    <SectionCard title="Skills" actions={data?.profile ? <Badge variant="light">{data.profile.name}</Badge> : undefined}>
      {q.isPending ? (
        <Loading label="Loading skills" />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : !data!.skills.length ? (
        <EmptyText>
          {mine ? 'You have no job profile and no skill assessments yet.' : 'No job profile and no skill assessments yet.'}
        </EmptyText>
      ) : (
        <Stack gap="md">
          <Suspense fallback={null}>
            <SkillsChart rows={data!.skills} profileName={data!.profile?.name ?? null} aspired={aspired} mine={mine} />
          </Suspense>
          {data!.skills.map((row) => (
            <SkillRow
              key={row.skill.id}
              row={row}
              mine={mine}
              onRate={self || manager ? () => setRating({ row, source: self ? 'self' : 'manager' }) : undefined}
              rateLabel={self ? 'Rate' : 'Rate as manager'}
              onHistory={() => setHistory(row)}
            />
          ))}
        </Stack>
      )}
      {rating && <RateModal personId={personId} row={rating.row} source={rating.source} onClose={() => setRating(null)} />}
      {history && <HistoryModal personId={personId} skillId={history.skill.id} name={history.skill.name} onClose={() => setHistory(null)} />}
    </SectionCard>
  );
}

/**
 * The expected levels of the first job profile the person aspires to (other than their own): the
 * aspirations are the ones the page's aspirations section loads (one cached query), the profile's
 * expectations one more read. Viewers who may not see the aspirations get none.
 */
function useAspiredExpectation(personId: string, ownProfileId: string | null): AspiredExpectation | null {
  const aspirations = useQuery(aspirationQueries.ofPerson(personId));
  const targetId = aspirations.data?.data.find((a) => a.targetProfileId && a.targetProfileId !== ownProfileId)?.targetProfileId ?? null;
  const profile = useQuery({ ...jobProfileQueries.one(targetId ?? ''), enabled: !!targetId });
  return useMemo(() => {
    if (!targetId || !profile.data || !profile.data.skills.length) return null;
    return {
      profileName: profile.data.name,
      levels: new Map(profile.data.skills.map((s) => [s.skillId, { name: s.name, level: s.level, maxLevel: s.maxLevel }])),
    };
  }, [targetId, profile.data]);
}

function SkillRow({
  row,
  mine,
  onRate,
  rateLabel,
  onHistory,
}: {
  row: PersonSkillRow;
  mine: boolean;
  onRate?: () => void;
  rateLabel: string;
  onHistory: () => void;
}) {
  const { skill, currentLevel, expectedLevel, gap } = row;
  const status =
    gap !== null ? (
      <Badge color="orange" variant="light">
        Gap {gap}
      </Badge>
    ) : expectedLevel !== null && currentLevel !== null ? (
      <Badge color="teal" variant="light">
        {currentLevel > expectedLevel ? 'Strength' : 'Meets'}
      </Badge>
    ) : null;
  const descriptor = currentLevel !== null ? skill.levels[Math.round(currentLevel) - 1] : undefined;
  return (
    <Stack gap={4} component="article" aria-label={skill.name}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{skill.name}</Text>
          {skill.category && (
            <Text size="xs" c="dimmed">
              {skill.category}
            </Text>
          )}
          {status}
        </Group>
        <Text size="sm">
          {currentLevel ?? '–'}
          {expectedLevel !== null ? ` of ${expectedLevel} expected` : ` / ${skill.maxLevel}`}
          {descriptor ? ` · ${descriptor}` : ''}
        </Text>
      </Group>
      <LevelBar
        current={currentLevel}
        expected={expectedLevel}
        max={skill.maxLevel}
        label={`${skill.name}: current level ${currentLevel ?? 'not assessed'}${expectedLevel !== null ? `, expected ${expectedLevel}` : ''}, out of ${skill.maxLevel}`}
      />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="xs" c="dimmed">
          {row.basis ? basisLine(row.basis, mine) : 'Not assessed yet'}
          {row.assessmentCount > 1 ? ` · ${row.assessmentCount} assessments` : ''}
        </Text>
        <Group gap="xs">
          {row.assessmentCount > 0 && (
            <Button size="compact-sm" variant="subtle" onClick={onHistory} aria-label={`History of ${skill.name}`}>
              History
            </Button>
          )}
          {onRate && !skill.archived && (
            <Button size="compact-sm" variant="light" onClick={onRate} aria-label={`${rateLabel}: ${skill.name}`}>
              {rateLabel}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

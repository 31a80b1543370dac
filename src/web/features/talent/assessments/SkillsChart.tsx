import { BarChart, RadarChart } from '@mantine/charts';
import { Box, Group, Text } from '@mantine/core';
import type { PersonSkillRow } from './api.ts';

export type AspiredExpectation = { profileName: string; levels: ReadonlyMap<string, { name: string; level: number; maxLevel: number }> };

type Datum = { skill: string; current: number; expected: number | null; aspired?: number | null };

/**
 * A person's skills against their profile at a glance: a radar of current against expected (and
 * an aspired profile's expected level when they have one), or bars when there are too few skills
 * for a radar to have a shape. The rows below it carry the same numbers as text, so the picture is
 * one image with a summary for screen readers.
 */
export default function SkillsChart({ rows, profileName, aspired, mine }: { rows: PersonSkillRow[]; profileName: string | null; aspired: AspiredExpectation | null; mine: boolean }) {
  const data: Datum[] = rows
    .filter((r) => r.expectedLevel !== null || r.currentLevel !== null || aspired?.levels.has(r.skill.id))
    .map((r) => ({
      skill: r.skill.name,
      current: r.currentLevel ?? 0,
      expected: r.expectedLevel,
      ...(aspired ? { aspired: aspired.levels.get(r.skill.id)?.level ?? null } : {}),
    }));
  // Skills the aspired profile expects that the person has neither on their profile nor assessed.
  if (aspired) {
    const known = new Set(rows.map((r) => r.skill.id));
    for (const [id, s] of aspired.levels) if (!known.has(id)) data.push({ skill: s.name, current: 0, expected: null, aspired: s.level });
  }
  if (!data.length) return null;
  const max = Math.max(5, ...rows.map((r) => r.skill.maxLevel), ...[...(aspired?.levels.values() ?? [])].map((s) => s.maxLevel));
  const hasExpected = data.some((d) => d.expected !== null);
  const series = [
    { name: 'current', label: mine ? 'My current level' : 'Current level', color: 'teal.7', opacity: 0.35 },
    ...(hasExpected ? [{ name: 'expected', label: profileName ? `Expected for ${profileName}` : 'Expected', color: 'orange.7', opacity: 0.1 }] : []),
    ...(aspired ? [{ name: 'aspired', label: `Expected for ${aspired.profileName} (aspired)`, color: 'violet.7', opacity: 0.1 }] : []),
  ];
  const below = data.filter((d) => d.expected !== null && d.current < d.expected).length;
  const summary =
    `${mine ? 'Your' : 'Current'} levels of ${data.length} ${data.length === 1 ? 'skill' : 'skills'}` +
    (hasExpected ? ` against the levels ${profileName ?? 'the profile'} expects: ${below} below expected` : '') +
    (aspired ? `; ${aspired.profileName} (aspired) expects ${aspired.levels.size}` : '') +
    '. Each skill is listed below with its numbers.';
  const chartData = data.map((d) => ({ ...d, expected: d.expected ?? 0, aspired: d.aspired ?? 0 }));
  return (
    <Box component="figure" m={0}>
      <Box role="img" aria-label={summary}>
        {data.length >= 3 ? (
          <RadarChart
            h={Math.min(420, 300 + data.length * 10)}
            data={chartData}
            dataKey="skill"
            series={series}
            withPolarRadiusAxis
            polarRadiusAxisProps={{ domain: [0, max], tickCount: max + 1, angle: 90, tick: { fontSize: 10 } }}
            polarAngleAxisProps={{ tick: { fontSize: 12 } }}
            withTooltip={false}
            radarProps={{ isAnimationActive: false }}
            accessibilityLayer={false}
          />
        ) : (
          <BarChart
            h={70 + data.length * 60}
            data={chartData}
            dataKey="skill"
            orientation="vertical"
            series={series.map(({ opacity: _o, ...s }) => s)}
            xAxisProps={{ domain: [0, max], ticks: Array.from({ length: max }, (_, i) => i + 1), type: 'number' }}
            yAxisProps={{ width: 120 }}
            withTooltip={false}
            barProps={{ isAnimationActive: false }}
            accessibilityLayer={false}
            gridAxis="x"
          />
        )}
      </Box>
      <Group component="figcaption" gap="md" justify="center" wrap="wrap">
        {series.map((s) => (
          <Group key={s.name} gap={6} wrap="nowrap">
            <Box aria-hidden w={12} h={12} style={{ background: `var(--mantine-color-${s.color.replace('.', '-')})`, borderRadius: 3 }} />
            <Text size="xs">{s.label}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}

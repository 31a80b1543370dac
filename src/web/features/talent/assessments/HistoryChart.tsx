import { LineChart } from '@mantine/charts';
import { Box, Group, Paper, Text } from '@mantine/core';
import type { SkillHistory } from './api.ts';
import { shortDate, sourceColors, sourceLabels } from './format.ts';

type Point = SkillHistory['points'][number];
type Row = { t: number; current: number | null; rated: number; point: Point };

const DAY = 86_400_000;

/**
 * The current level as a step line over time (it changes only when a rating arrives), each rating
 * a dot coloured by its source, the profile's expected level a dashed reference line.
 */
export default function HistoryChart({ h }: { h: SkillHistory }) {
  const data: Row[] = h.points.map((p) => ({ t: new Date(p.assessedAt).getTime(), current: p.currentLevelAfter, rated: p.level, point: p }));
  const t0 = data[0]!.t;
  const t1 = data.at(-1)!.t;
  // A week either side keeps first and last dots off the axes (and gives a single rating a width).
  const pad = Math.max(7 * DAY, (t1 - t0) * 0.03);
  const last = h.points.at(-1)?.currentLevelAfter;
  const sources = [...new Set(h.points.map((p) => p.source))];
  const summary = `Current level of ${h.skill.name} over time, from ${shortDate(h.points[0]!.assessedAt)} to ${shortDate(h.points.at(-1)!.assessedAt)}: now ${last ?? 'unknown'}${h.expectedLevel !== null ? `, expected ${h.expectedLevel}` : ''}; ${h.points.length} ${h.points.length === 1 ? 'rating' : 'ratings'}.`;
  return (
    <Box component="figure" m={0}>
      <Box role="img" aria-label={summary}>
        <LineChart
          h={240}
          data={data}
          dataKey="t"
          accessibilityLayer={false}
          curveType="stepAfter"
          connectNulls
          series={[
            { name: 'current', label: 'Current level', color: 'teal.8' },
            { name: 'rated', label: 'Rating', color: 'gray.6' },
          ]}
          lineProps={(s) =>
            s.name === 'rated'
              ? { stroke: 'transparent', dot: (d: DotArgs) => <SourceDot key={d.index} {...d} size={6} />, activeDot: (d: DotArgs) => <SourceDot {...d} size={8} />, isAnimationActive: false }
              : { isAnimationActive: false, dot: false }
          }
          strokeWidth={2.5}
          xAxisProps={{ type: 'number', scale: 'time', domain: [t0 - pad, t1 + pad], tickFormatter: (t: number) => shortDate(new Date(t).toISOString()), tickCount: 5 }}
          yAxisProps={{ domain: [0, h.skill.maxLevel], ticks: Array.from({ length: h.skill.maxLevel }, (_, i) => i + 1), allowDecimals: false, width: 28 }}
          referenceLines={
            h.expectedLevel !== null ? [{ y: h.expectedLevel, label: `Expected ${h.expectedLevel}`, color: 'orange.8', strokeDasharray: '6 4', labelPosition: 'insideTopRight' }] : []
          }
          tooltipProps={{ content: ({ active, payload }) => (active && payload?.[0] ? <HistoryTooltip row={payload[0].payload as Row} /> : null) }}
          gridAxis="x"
        />
      </Box>
      <Group component="figcaption" gap="md" mt="xs" wrap="wrap">
        <LegendKey color="var(--mantine-color-teal-8)" line label="Current level" />
        {h.expectedLevel !== null && <LegendKey color="var(--mantine-color-orange-8)" line dashed label="Expected" />}
        {sources.map((s) => (
          <LegendKey key={s} color={`var(--mantine-color-${sourceColors[s]}-7)`} label={`${sourceLabels[s]} rating`} />
        ))}
      </Group>
    </Box>
  );
}

type DotArgs = { cx?: number; cy?: number; index?: number; payload?: unknown; r?: number | string };

function SourceDot({ cx, cy, payload, size }: DotArgs & { size: number }) {
  const row = payload as Row | undefined;
  if (cx === undefined || cy === undefined || !row?.point) return <g />;
  return <circle cx={cx} cy={cy} r={size} fill={`var(--mantine-color-${sourceColors[row.point.source]}-7)`} stroke="white" strokeWidth={1.5} />;
}

function HistoryTooltip({ row }: { row: Row }) {
  const p = row.point;
  return (
    <Paper withBorder shadow="sm" p="xs" maw={260}>
      <Text size="sm" fw={600}>
        {sourceLabels[p.source]} rating {p.level}
      </Text>
      <Text size="xs">
        {p.assessorName && p.source !== 'self' ? `${p.assessorName} · ` : ''}
        {shortDate(p.assessedAt)}
      </Text>
      <Text size="xs">Current level after: {p.currentLevelAfter ?? '–'}</Text>
      {p.note && (
        <Text size="xs" c="dimmed" lineClamp={3}>
          {p.note}
        </Text>
      )}
    </Paper>
  );
}

function LegendKey({ color, label, line, dashed }: { color: string; label: string; line?: boolean; dashed?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box
        aria-hidden
        w={line ? 18 : 10}
        h={line ? 0 : 10}
        style={line ? { borderTop: `3px ${dashed ? 'dashed' : 'solid'} ${color}` } : { background: color, borderRadius: '50%' }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

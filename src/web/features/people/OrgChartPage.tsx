import { ActionIcon, Alert, Anchor, Badge, Box, Button, Group, Loader, Paper, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PersonAvatar } from '../../ui/PersonAvatar.tsx';
import { peopleQueries, type ChartNode } from './api.ts';

const PAGE = 50;

type ChartState = { expanded: Set<string>; toggle: (id: string) => void; focus?: string };
const Chart = createContext<ChartState>({ expanded: new Set(), toggle: () => undefined });

/** One level: loads only this manager's direct reports, so the chart works at any size. */
function Level({ rootId, depth }: { rootId?: string; depth: number }) {
  const [shown, setShown] = useState(PAGE);
  const level = useQuery(peopleQueries.chart(rootId));
  if (level.isLoading) return <Loader size="sm" ml={depth * 24 + 8} my={4} aria-label="Loading" />;
  if (level.isError) return <Alert color="red">{(level.error as Error).message}</Alert>;
  const children = level.data?.children ?? [];
  return (
    <>
      {depth === 0 && children.length === 1 && <AutoExpand id={children[0]!.id} />}
    <ul role="group" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {children.slice(0, shown).map((n) => (
        <NodeRow key={n.id} node={n} depth={depth} />
      ))}
      {children.length > shown && (
        <li style={{ paddingLeft: depth * 24 + 40 }}>
          <Button size="compact-sm" variant="subtle" onClick={() => setShown((s) => s + PAGE)}>
            Show {Math.min(PAGE, children.length - shown)} more of {children.length - shown}
          </Button>
        </li>
      )}
    </ul>
    </>
  );
}

/** A single person at the top (the CEO) is opened at once: a one-line chart says little. */
function AutoExpand({ id }: { id: string }) {
  const { expanded, toggle } = useContext(Chart);
  const done = useRef(false);
  useEffect(() => {
    if (!done.current && !expanded.has(id)) toggle(id);
    done.current = true;
  }, [id, expanded, toggle]);
  return null;
}

function NodeRow({ node, depth }: { node: ChartNode; depth: number }) {
  const { expanded, toggle, focus } = useContext(Chart);
  const open = expanded.has(node.id);
  const focused = focus === node.id;
  useEffect(() => {
    if (focused) document.getElementById(`chart-${node.id}`)?.scrollIntoView({ block: 'center' });
  }, [focused, node.id]);
  return (
    <li role="treeitem" aria-expanded={node.directReportCount > 0 ? open : undefined} aria-level={depth + 1} aria-selected={focused}>
      <Group
        id={`chart-${node.id}`}
        gap="xs"
        wrap="nowrap"
        py={4}
        pl={depth * 24}
        style={{ borderRadius: 8, outline: focused ? '2px solid var(--mantine-color-orange-7)' : undefined }}
      >
        {node.directReportCount > 0 ? (
          <ActionIcon
            variant="subtle"
            onClick={() => toggle(node.id)}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${node.name}'s team`}
            aria-expanded={open}
          >
            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        ) : (
          <Box w={28} />
        )}
        <PersonAvatar name={node.name} size={30} />
        <Box style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/people/${node.id}`} size="sm" fw={500}>
            {node.name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate>
            {[node.jobTitle, node.department?.name].filter(Boolean).join(' · ')}
          </Text>
        </Box>
        {node.directReportCount > 0 && (
          <Badge variant="light" size="sm" aria-label={`${node.directReportCount} direct reports`}>
            {node.directReportCount}
          </Badge>
        )}
      </Group>
      {open && <Level rootId={node.id} depth={depth + 1} />}
    </li>
  );
}

export default function OrgChartPage() {
  const { focus } = useSearch({ strict: false }) as { focus?: string };
  const navigate = useNavigate();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 200);
  const hits = useQuery(peopleQueries.search(q));
  const path = useQuery(peopleQueries.chartPath(focus));
  useEffect(() => {
    if (path.data) setExpanded((prev) => new Set([...prev, ...path.data.ancestorIds]));
  }, [path.data]);

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader title="Org chart" description="Expand a manager to see their team. Search to jump to anyone." />
      <Group mb="md" align="flex-end">
        <Select
          label="Find a person"
          placeholder="Type a name"
          searchable
          clearable
          searchValue={text}
          onSearchChange={setText}
          data={(hits.data?.data ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.jobTitle ? ` · ${p.jobTitle}` : ''}` }))}
          filter={({ options }) => options}
          nothingFoundMessage={q.length >= 2 && !hits.isFetching ? 'No one found' : undefined}
          onChange={(id) => void navigate({ to: '/org-chart', search: { focus: id ?? undefined } as never, replace: true })}
          w={{ base: '100%', sm: 360 }}
        />
        {expanded.size > 0 && (
          <Button variant="default" onClick={() => setExpanded(new Set())}>
            Collapse all
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm" radius="md">
        <Chart.Provider value={{ expanded, toggle, focus }}>
          <div role="tree" aria-label="Organisation chart">
            <Level depth={0} />
          </div>
        </Chart.Provider>
      </Paper>
    </>
  );
}

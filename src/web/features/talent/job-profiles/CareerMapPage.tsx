import { Badge, Box, Button, Card, Drawer, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useMe } from '../../../lib/me.ts';
import { drawerTitle, EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { aspirationQueries } from '../aspirations/api.ts';
import { jobProfileQueries, type CareerStep, type JobProfile } from './api.ts';
import { ComparePanel } from './ComparePanel.tsx';

const CareerGraph = lazy(() => import('./CareerGraph.tsx'));

/** Beyond this many roles the list is the default view: a map that large is a picture, not a tool. */
const MAP_BY_DEFAULT_UP_TO = 150;

/** Career paths as a map: job profiles as nodes, promotions up and lateral moves sideways; compare me to a profile. */
export default function CareerMapPage() {
  const me = useMe();
  const profiles = useQuery(jobProfileQueries.everything());
  const paths = useQuery(jobProfileQueries.paths());
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim().toLowerCase(), 200);
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<'map' | 'list' | null>(null);
  const personId = me.data?.personId ?? '';
  const myProfile = useQuery({ ...jobProfileQueries.personProfile(personId), enabled: !!personId });
  const aspirations = useQuery({ ...aspirationQueries.ofPerson(personId), enabled: !!personId });
  const mineId = myProfile.data?.profile?.id ?? null;
  const aspiredIds = useMemo(
    () => new Set((aspirations.data?.data ?? []).flatMap((a) => (a.targetProfileId ? [a.targetProfileId] : []))),
    [aspirations.data],
  );

  const all = profiles.data?.data ?? [];
  const steps = paths.data?.data ?? [];
  const matches = useMemo(
    () => (q ? new Set(all.filter((p) => p.name.toLowerCase().includes(q) || (p.family ?? '').toLowerCase().includes(q)).map((p) => p.id)) : null),
    [all, q],
  );
  const shown = view ?? (all.length > MAP_BY_DEFAULT_UP_TO || steps.length === 0 ? 'list' : 'map');

  return (
    <>
      <PageHeader title="Career map" description="Roles, where each can lead (promotions up, lateral moves sideways), and how you compare with what they expect." />
      <Group align="flex-end" justify="space-between" mb="md" gap="md">
        <TextInput label="Search roles" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} maw={360} style={{ flex: '1 1 240px' }} />
        <SegmentedControl
          aria-label="View"
          value={shown}
          onChange={(v) => setView(v as 'map' | 'list')}
          data={[
            { value: 'map', label: 'Map' },
            { value: 'list', label: 'List' },
          ]}
        />
      </Group>
      <ErrorAlert error={profiles.error ?? paths.error} />
      {profiles.isLoading || paths.isLoading ? (
        <Loading label="Loading the career map" />
      ) : all.length === 0 ? (
        <EmptyText>No job profiles yet.</EmptyText>
      ) : shown === 'map' ? (
        <CareerMapView
          profiles={all}
          steps={steps}
          mineId={mineId}
          aspiredIds={aspiredIds}
          selectedId={selected}
          matches={matches}
          onOpen={setSelected}
        />
      ) : (
        <CareerList profiles={all} steps={steps} mineId={mineId} aspiredIds={aspiredIds} selectedId={selected} matches={matches} onOpen={setSelected} />
      )}
      <Drawer
        opened={!!selected}
        onClose={() => setSelected(null)}
        position="right"
        size="xl"
        title={all.find((p) => p.id === selected)?.name ?? 'Role'}
        styles={drawerTitle}
      >
        {selected && me.data && <ProfileDetail key={selected} profileId={selected} personId={me.data.personId} />}
      </Drawer>
    </>
  );
}

type ViewProps = {
  profiles: JobProfile[];
  steps: CareerStep[];
  mineId: string | null;
  aspiredIds: ReadonlySet<string>;
  selectedId: string | null;
  matches: ReadonlySet<string> | null;
  onOpen: (id: string) => void;
};

function CareerMapView({ profiles, steps, mineId, aspiredIds, selectedId, matches, onOpen }: ViewProps) {
  const [showUnlinked, setShowUnlinked] = useState(false);
  if (steps.length === 0) {
    return <EmptyText>No career paths between roles yet. HR admins add next steps to a job profile; until then the list shows every role.</EmptyText>;
  }
  const linked = new Set(steps.flatMap((s) => [s.fromProfileId, s.toProfileId]));
  const unlinked = profiles.filter((p) => !linked.has(p.id) && (!matches || matches.has(p.id)));
  return (
    <Stack gap="sm">
      <Group gap="lg" wrap="wrap" aria-label="Legend" role="group">
        <LegendItem swatch={<Box w={22} style={{ borderTop: '3px solid var(--mantine-color-teal-8)' }} />} label="Promotion (arrow points up)" />
        <LegendItem swatch={<Box w={22} style={{ borderTop: '3px dashed var(--mantine-color-blue-7)' }} />} label="Lateral move" />
        <LegendItem swatch={<Box w={14} h={14} style={{ border: '3px solid var(--mantine-color-indigo-7)', borderRadius: 4 }} />} label="My role" />
        <LegendItem swatch={<Box w={14} h={14} style={{ border: '3px solid var(--mantine-color-violet-7)', borderRadius: 4 }} />} label="Aspired" />
      </Group>
      <Suspense fallback={<Loading label="Drawing the map" />}>
        <CareerGraph
          profiles={profiles}
          steps={steps.map((s) => ({ id: s.id, fromProfileId: s.fromProfileId, toProfileId: s.toProfileId, kind: s.kind }))}
          mineId={mineId}
          aspiredIds={aspiredIds}
          selectedId={selectedId}
          matches={matches}
          onOpen={onOpen}
        />
      </Suspense>
      <Text size="xs" c="dimmed">
        Drag to pan, scroll or use the buttons to zoom; Tab moves between roles and Enter opens one. The list view shows the same paths as text.
      </Text>
      {unlinked.length > 0 && (
        <Stack gap={6} component="section" aria-labelledby="unlinked-roles" mt="sm">
          <Group gap="sm">
            <Title order={2} size="h5" id="unlinked-roles">
              Roles with no paths yet ({unlinked.length})
            </Title>
            <Button size="compact-sm" variant="subtle" onClick={() => setShowUnlinked(!showUnlinked)} aria-expanded={showUnlinked} aria-controls="unlinked-role-list">
              {showUnlinked ? 'Hide' : 'Show'}
            </Button>
          </Group>
          <Group gap="xs" wrap="wrap" id="unlinked-role-list" hidden={!showUnlinked}>
            {showUnlinked &&
              unlinked.map((p) => (
                <Button key={p.id} size="compact-sm" variant="default" onClick={() => onOpen(p.id)}>
                  {p.name}
                </Button>
              ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function LegendItem({ swatch, label }: { swatch: React.ReactNode; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span aria-hidden style={{ display: 'inline-flex' }}>
        {swatch}
      </span>
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** The same roles and paths as text, by family: for screen readers, keyboards and organisations too large to draw. */
function CareerList({ profiles, steps: all, mineId, aspiredIds, selectedId, matches, onOpen }: ViewProps) {
  const steps = useMemo(() => {
    const m = new Map<string, CareerStep[]>();
    for (const s of all) m.set(s.fromProfileId, [...(m.get(s.fromProfileId) ?? []), s]);
    return m;
  }, [all]);
  const families = useMemo(() => {
    const m = new Map<string, JobProfile[]>();
    for (const p of profiles) {
      if (matches && !matches.has(p.id)) continue;
      const f = p.family ?? 'Other';
      m.set(f, [...(m.get(f) ?? []), p]);
    }
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [profiles, matches]);
  if (families.length === 0) return <EmptyText>No roles match.</EmptyText>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
      {families.map(([family, list]) => (
        <Stack key={family} gap="sm" component="section" aria-labelledby={`family-${family}`}>
          <Title order={2} size="h4" id={`family-${family}`}>
            {family}
          </Title>
          {list.map((p) => {
            const next = steps.get(p.id) ?? [];
            return (
              <Card key={p.id} withBorder padding="sm" bg={selectedId === p.id ? 'var(--mantine-color-blue-light)' : undefined}>
                <UnstyledButton onClick={() => onOpen(p.id)} w="100%">
                  <Group justify="space-between" gap="xs">
                    <Text fw={600}>{p.name}</Text>
                    {mineId === p.id ? <Badge variant="light">My role</Badge> : aspiredIds.has(p.id) ? <Badge variant="light" color="violet">Aspired</Badge> : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {p.skillCount} expected skills · {p.holderCount} {p.holderCount === 1 ? 'person' : 'people'}
                  </Text>
                </UnstyledButton>
                {next.length > 0 && (
                  <Text size="sm" mt={6}>
                    Next steps:{' '}
                    {next.map((s, i) => (
                      <span key={s.id}>
                        {i > 0 && ', '}
                        <span aria-hidden>{s.kind === 'promotion' ? '↑' : '→'}</span>
                        <span className="sr-only">{s.kind === 'promotion' ? 'promotion to' : 'lateral move to'}</span> {s.to.name}
                      </span>
                    ))}
                  </Text>
                )}
              </Card>
            );
          })}
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function ProfileDetail({ profileId, personId }: { profileId: string; personId: string }) {
  const p = useQuery(jobProfileQueries.one(profileId));
  if (p.isLoading) return <Loading label="Loading profile" />;
  if (p.isError) return <ErrorAlert error={p.error} />;
  const d = p.data!;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Stack gap="xs">
        {d.family && (
          <Text size="sm" c="dimmed">
            {d.family} · {d.holderCount} {d.holderCount === 1 ? 'person' : 'people'}
          </Text>
        )}
        {d.description && <Text size="sm">{d.description}</Text>}
        <Title order={3} size="h5">
          Expected skills
        </Title>
        {d.skills.length === 0 ? (
          <EmptyText>No expected skills yet.</EmptyText>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {d.skills.map((s) => (
              <li key={s.skillId}>
                <Text size="sm">
                  <b>{s.name}</b> at level {s.level} of {s.maxLevel}
                  {s.levels[s.level - 1] ? ` — ${s.levels[s.level - 1]}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {(d.nextSteps.length > 0 || d.previousSteps.length > 0) && (
          <>
            <Title order={3} size="h5" mt="sm">
              Paths
            </Title>
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {d.nextSteps.map((s) => (
                <li key={s.id}>
                  <Text size="sm">
                    {s.kind === 'promotion' ? 'Promotion to' : 'Lateral move to'} <b>{s.to.name}</b>
                  </Text>
                </li>
              ))}
              {d.previousSteps.map((s) => (
                <li key={s.id}>
                  <Text size="sm">
                    {s.kind === 'promotion' ? 'Promoted into from' : 'Lateral move from'} <b>{s.from.name}</b>
                  </Text>
                </li>
              ))}
            </Stack>
          </>
        )}
      </Stack>
      <ComparePanel personId={personId} profileId={profileId} />
    </SimpleGrid>
  );
}

import { Badge, Box, Card, Group, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useMe } from '../../../lib/me.ts';
import { EmptyText, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { jobProfileQueries, type CareerStep } from './api.ts';
import { ComparePanel } from './ComparePanel.tsx';

/** Career paths as a map: job profiles by family, promotions and lateral moves; compare me to a profile. */
export default function CareerMapPage() {
  const me = useMe();
  const profiles = useQuery(jobProfileQueries.everything());
  const paths = useQuery(jobProfileQueries.paths());
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim().toLowerCase(), 200);
  const [selected, setSelected] = useState<string | null>(null);
  const myProfile = useQuery({ ...jobProfileQueries.personProfile(me.data?.personId ?? ''), enabled: !!me.data });

  const steps = useMemo(() => {
    const m = new Map<string, CareerStep[]>();
    for (const s of paths.data?.data ?? []) m.set(s.fromProfileId, [...(m.get(s.fromProfileId) ?? []), s]);
    return m;
  }, [paths.data]);
  const families = useMemo(() => {
    const m = new Map<string, NonNullable<typeof profiles.data>['data']>();
    for (const p of profiles.data?.data ?? []) {
      if (q && !p.name.toLowerCase().includes(q) && !(p.family ?? '').toLowerCase().includes(q)) continue;
      const f = p.family ?? 'Other';
      m.set(f, [...(m.get(f) ?? []), p]);
    }
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [profiles.data, q]);

  return (
    <>
      <PageHeader title="Career map" description="Roles by family, where each can lead, and how you compare with what they expect." />
      <TextInput label="Search roles" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} maw={360} mb="md" />
      <ErrorAlert error={profiles.error ?? paths.error} />
      {profiles.isLoading || paths.isLoading ? (
        <Loading label="Loading the career map" />
      ) : families.length === 0 ? (
        <EmptyText>{q ? 'No roles match.' : 'No job profiles yet.'}</EmptyText>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {families.map(([family, list]) => (
            <Stack key={family} gap="sm" component="section" aria-labelledby={`family-${family}`}>
              <Title order={2} size="h4" id={`family-${family}`}>
                {family}
              </Title>
              {list.map((p) => {
                const next = steps.get(p.id) ?? [];
                const mine = myProfile.data?.profile?.id === p.id;
                return (
                  <Card key={p.id} withBorder padding="sm" bg={selected === p.id ? 'var(--mantine-color-blue-light)' : undefined}>
                    <UnstyledButton onClick={() => setSelected(selected === p.id ? null : p.id)} aria-expanded={selected === p.id} w="100%">
                      <Group justify="space-between" gap="xs">
                        <Text fw={600}>{p.name}</Text>
                        {mine && <Badge variant="light">My role</Badge>}
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
      )}
      {selected && me.data && <ProfileDetail key={selected} profileId={selected} personId={me.data.personId} />}
    </>
  );
}

function ProfileDetail({ profileId, personId }: { profileId: string; personId: string }) {
  const p = useQuery(jobProfileQueries.one(profileId));
  if (p.isLoading) return <Loading label="Loading profile" />;
  if (p.isError) return <ErrorAlert error={p.error} />;
  const d = p.data!;
  return (
    <Box mt="xl">
    <SectionCard title={d.name}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="xs">
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
        </Stack>
        <ComparePanel personId={personId} profileId={profileId} />
      </SimpleGrid>
    </SectionCard>
    </Box>
  );
}

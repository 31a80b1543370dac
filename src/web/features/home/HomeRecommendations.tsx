import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { recommendationQueries } from '../insight/recommendations/api.ts';
import { EmptyText, ErrorAlert, Loading } from '../../ui/common.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';

const SHOWN = 3;

/** The person's best few recommendations, each with the sentence that says why. */
export function HomeRecommendations({ personId }: { personId: string }) {
  const recs = useQuery(recommendationQueries.ofPerson(personId));
  return (
    <SectionCard
      title="Recommended for you"
      actions={
        <Anchor component={Link} to="/skills" size="sm">
          My growth
        </Anchor>
      }
    >
      {recs.error ? (
        <ErrorAlert error={recs.error} title="Could not load recommendations" />
      ) : !recs.data ? (
        <Loading label="Loading recommendations" />
      ) : recs.data.data.length === 0 ? (
        <EmptyText>Nothing to recommend yet: recommendations come from gaps in your skills, your aspirations, goals and hurdles.</EmptyText>
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {recs.data.data.slice(0, SHOWN).map((r) => (
            <Stack key={r.id} gap={2} component="li">
              {r.itemType === 'program' ? (
                <Anchor component={Link} to="/learning/catalog/programs/$id" params={{ id: r.item.id } as never} fw={500}>
                  {r.item.title}
                </Anchor>
              ) : (
                <Anchor component={Link} to="/learning/catalog/courses/$id" params={{ id: r.item.id } as never} fw={500}>
                  {r.item.title}
                </Anchor>
              )}
              <Text size="sm" c="dimmed">
                {r.explanation}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

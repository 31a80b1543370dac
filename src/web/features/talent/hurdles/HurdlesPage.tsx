import { Button, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../../lib/me.ts';
import { EmptyText, ErrorAlert, Loading, LoadMore } from '../../../ui/common.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { SectionCard } from '../../../ui/SectionCard.tsx';
import { hurdleQueries } from './api.ts';
import { HurdleList } from './HurdleList.tsx';
import { RaiseHurdleModal } from './HurdleModal.tsx';

/** My hurdles and, for managers, the open hurdles of everyone below them, each with what can be done about it. */
export default function HurdlesPage() {
  const me = useMe().data!;
  const [raising, setRaising] = useState(false);
  const mine = useInfiniteQuery(hurdleQueries.mine());
  const team = useInfiniteQuery(hurdleQueries.team());
  const mineItems = mine.data?.pages.flatMap((p) => p.data) ?? [];
  const teamItems = team.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title="Hurdles"
        description="What is in the way of your goals or of using what you learned. Your manager sees them and can help, or assign learning that removes them."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRaising(true)}>
            Raise a hurdle
          </Button>
        }
      />
      {(team.isLoading || teamItems.length > 0 || team.isError) && (
        <SectionCard title="My team's open hurdles">
          <ErrorAlert error={team.error} />
          {team.isLoading ? (
            <Loading label="Loading your team's hurdles" />
          ) : (
            <>
              <HurdleList items={teamItems} showPerson canAssign />
              <LoadMore hasMore={!!team.hasNextPage} loading={team.isFetchingNextPage} onClick={() => void team.fetchNextPage()} />
            </>
          )}
        </SectionCard>
      )}
      <SectionCard title="My hurdles">
        <ErrorAlert error={mine.error} />
        {mine.isLoading ? (
          <Loading label="Loading your hurdles" />
        ) : mine.isError ? null : mineItems.length === 0 ? (
          <EmptyText>No hurdles. When something gets in the way of a goal (time, tools, a skill, unclear priorities), raise it here so your manager can help.</EmptyText>
        ) : (
          <>
            <HurdleList items={mineItems} />
            <LoadMore hasMore={!!mine.hasNextPage} loading={mine.isFetchingNextPage} onClick={() => void mine.fetchNextPage()} />
          </>
        )}
      </SectionCard>
      <RaiseHurdleModal opened={raising} personId={me.personId} onClose={() => setRaising(false)} />
    </Stack>
  );
}

import { Stack, Tabs } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { FeedbackReceived, MyRequests, ToAnswer } from './FeedbackLists.tsx';
import { PraiseFeed } from './PraiseFeed.tsx';

const tabs = ['praise', 'to-answer', 'received', 'requests'] as const;
type Tab = (typeof tabs)[number];

export default function FeedbackPage() {
  const search = useSearch({ strict: false }) as { tab?: string; requestId?: string };
  const navigate = useNavigate();
  const tab: Tab = (tabs as readonly string[]).includes(search.tab ?? '') ? (search.tab as Tab) : 'praise';
  return (
    <Stack>
      <PageHeader title="Feedback" description="Praise, feedback you received and gave, and requests for feedback." />
      <Tabs value={tab} onChange={(v) => void navigate({ to: '/feedback', search: { tab: v ?? 'praise' } as never, replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="praise">Praise</Tabs.Tab>
          <Tabs.Tab value="to-answer">To answer</Tabs.Tab>
          <Tabs.Tab value="received">Feedback</Tabs.Tab>
          <Tabs.Tab value="requests">Requests I made</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="praise" pt="md">
          <PraiseFeed />
        </Tabs.Panel>
        <Tabs.Panel value="to-answer" pt="md">
          <ToAnswer focusId={search.requestId} />
        </Tabs.Panel>
        <Tabs.Panel value="received" pt="md">
          <FeedbackReceived />
        </Tabs.Panel>
        <Tabs.Panel value="requests" pt="md">
          <MyRequests />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

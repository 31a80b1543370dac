import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { fieldErrors } from '../../../lib/api.ts';
import { EmptyText, ErrorAlert, LoadMore, Loading } from '../../../ui/common.tsx';
import { PersonLine } from '../../../ui/PersonAvatar.tsx';
import { EvidenceView } from './EvidenceView.tsx';
import { programApi, programKeys, programQueries, type QueueItem, type SubmissionFilter as Filter } from './api.ts';

/** Checkpoint evidence waiting for me (as manager or named approver; learning admins see all). */
export default function CheckpointApprovalsPage() {
  const [filter, setFilter] = useState<Filter>('submitted');
  const queue = useInfiniteQuery(programQueries.queue(filter));
  const items = queue.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader title="Approvals" description="Evidence people handed in for checkpoints of their programs. Approve it, or send it back saying what to change." />
      <SegmentedControl
        aria-label="Which submissions"
        mb="md"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={[
          { value: 'submitted', label: 'Waiting' },
          { value: 'all', label: 'All' },
        ]}
      />
      <ErrorAlert error={queue.error} />
      {queue.isLoading ? (
        <Loading label="Loading approvals" />
      ) : queue.isError ? null : items.length === 0 ? (
        <EmptyText>{filter === 'submitted' ? 'Nothing is waiting for your approval.' : 'No checkpoint evidence has come to you yet.'}</EmptyText>
      ) : (
        <Stack gap="sm">
          {items.map((s) => (
            <SubmissionCard key={s.id} s={s} />
          ))}
        </Stack>
      )}
      <LoadMore hasMore={!!queue.hasNextPage} loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()} />
    </>
  );
}

const statusBadge = {
  submitted: { color: 'blue', label: 'Waiting' },
  approved: { color: 'green', label: 'Approved' },
  returned: { color: 'orange', label: 'Sent back' },
} as const;

function SubmissionCard({ s }: { s: QueueItem }) {
  const qc = useQueryClient();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const decide = useMutation({
    // Sending back needs a comment: an empty one goes, so the server's "Say what to change" shows.
    mutationFn: (d: 'approve' | 'return') => (d === 'approve' ? programApi.approve(s.id, comment.trim() || undefined) : programApi.sendBack(s.id, comment.trim())),
    onSuccess: (_r, d) => {
      notifications.show({ color: 'green', message: d === 'approve' ? `Approved. ${s.learner.name} has been told.` : `Sent back to ${s.learner.name}.` });
      void qc.invalidateQueries({ queryKey: programKeys.submissions });
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
  const b = statusBadge[s.status];
  const commentId = `comment-${s.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`sub-${s.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <PersonLine id={s.learner.id} name={s.learner.name} subtitle={s.learner.jobTitle} />
          <Badge color={b.color} variant="light">
            {b.label}
          </Badge>
        </Group>
        <div>
          <Text fw={600} id={`sub-${s.id}`}>
            {s.step.title}
          </Text>
          <Text size="sm" c="dimmed">
            {s.program.title} · submitted {new Date(s.submittedAt).toLocaleString()}
          </Text>
        </div>
        {s.step.instructions && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {s.step.instructions}
          </Text>
        )}
        <Card withBorder padding="sm" bg="var(--mantine-color-gray-0)">
          <EvidenceView s={s} />
        </Card>
        {s.status === 'submitted' ? (
          <>
            {decide.error && !Object.keys(errors).length && <ErrorAlert error={decide.error} />}
            <Textarea
              id={commentId}
              label="Comment"
              description="Required when sending back: say what to change."
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={errors.comment}
            />
            <Group gap="xs">
              <Button onClick={() => decide.mutate('approve')} loading={decide.isPending && decide.variables === 'approve'}>
                Approve
              </Button>
              <Button variant="default" onClick={() => decide.mutate('return')} loading={decide.isPending && decide.variables === 'return'}>
                Send back
              </Button>
            </Group>
          </>
        ) : (
          s.reviewComment && (
            <Text size="sm">
              <strong>{s.reviewer?.name ?? 'Reviewer'}:</strong> {s.reviewComment}
            </Text>
          )
        )}
      </Stack>
    </Card>
  );
}

import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, fieldErrors } from '../../../lib/api.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { EmptyText, ErrorAlert, Loading, confirmDanger } from '../../../ui/common.tsx';
import { calibrationApi, calibrationKeys, calibrationQueries, type NineBox, type NineBoxBody } from './api.ts';
import { boxPosition, NINE_BOX_ROWS, performanceLabels, potentialLabels } from './format.ts';
import { readableErrors } from '../reviews/ReviewForm.tsx';

/** `/admin/reviews/nine-box`: HR names and defines the nine boxes, or goes back to the defaults. */
export default function NineBoxLabelsPage() {
  const q = useQuery(calibrationQueries.nineBox());
  if (q.isLoading) return <Loading label="Loading the 9-box names" />;
  if (q.error instanceof ApiError && q.error.status === 404) return <EmptyText>Only HR admins name the 9-box.</EmptyText>;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return <LabelsForm key={JSON.stringify(q.data)} current={q.data} />;
}

function LabelsForm({ current }: { current: NineBox }) {
  const qc = useQueryClient();
  const [labels, setLabels] = useState(current.labels.map((l) => ({ name: l.name, description: l.description })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: NineBoxBody) => calibrationApi.setNineBox(body),
    onSuccess: (saved, body) => {
      qc.setQueryData(calibrationKeys.nineBox, saved);
      void qc.invalidateQueries({ queryKey: calibrationKeys.all });
      setErrors({});
      notifications.show({ color: 'teal', message: body.labels ? '9-box names saved.' : '9-box names back to the defaults.' });
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
  const set = (box: number, patch: Partial<{ name: string; description: string }>) => setLabels((l) => l.map((x, i) => (i === box ? { ...x, ...patch } : x)));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    labels.forEach((l, i) => {
      if (!l.name.trim()) problems[`labels.${i}.name`] = 'Enter a name';
    });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    save.mutate({ labels: labels.map((l) => ({ name: l.name.trim(), description: l.description.trim() })) });
  };
  return (
    <Stack>
      <PageHeader
        title="9-box names"
        description="What calibration calls each box of performance × potential. Calibration sessions show these names and definitions; the people in each box never see them."
        actions={
          <Badge variant="light" color={current.custom ? 'blue' : 'gray'} size="lg">
            {current.custom ? 'Your names' : 'Default names'}
          </Badge>
        }
      />
      <Anchor component={Link} to="/admin/reviews" size="sm">
        Back to review cycles
      </Anchor>
      <form onSubmit={submit} noValidate style={readableErrors}>
        <Stack>
          {save.error && !(save.error instanceof ApiError && save.error.code === 'validation_failed') && <ErrorAlert error={save.error} />}
          {errors.labels && (
            <Text c="red.9" size="sm" role="alert">
              {errors.labels}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            Laid out as on the 9-box: high potential on top, performance rising to the right.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {NINE_BOX_ROWS.flat().map((box) => {
              const pos = boxPosition(box);
              const where = `${performanceLabels[pos.performance]} performance, ${potentialLabels[pos.potential].toLowerCase()} potential`;
              return (
                <Card key={box} withBorder padding="sm" component="fieldset" aria-label={where} m={0}>
                  <Text size="xs" c="dimmed" mb={4}>
                    {where}
                  </Text>
                  <Stack gap="xs">
                    <TextInput label={`Name of box ${box + 1}`} required maxLength={40} value={labels[box]!.name} onChange={(e) => set(box, { name: e.currentTarget.value })} error={errors[`labels.${box}.name`]} />
                    <Textarea
                      label={`Definition of box ${box + 1}`}
                      autosize
                      minRows={2}
                      maxLength={300}
                      value={labels[box]!.description}
                      onChange={(e) => set(box, { description: e.currentTarget.value })}
                      error={errors[`labels.${box}.description`]}
                    />
                  </Stack>
                </Card>
              );
            })}
          </SimpleGrid>
          <Group justify="space-between">
            <Button
              variant="default"
              disabled={!current.custom}
              onClick={() =>
                confirmDanger({
                  title: 'Restore the default names?',
                  body: <Text size="sm">The nine boxes get Tandem’s default names and definitions back; yours are forgotten.</Text>,
                  confirm: 'Restore defaults',
                  onConfirm: () => save.mutate({ labels: null }),
                })
              }
            >
              Restore defaults
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save names
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

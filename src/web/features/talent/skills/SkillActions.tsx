import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/common.tsx';
import { skillApi, skillKeys, skillQueries, type Skill } from './api.ts';

const done = (qc: ReturnType<typeof useQueryClient>, message: string, onClose: () => void) => {
  notifications.show({ color: 'green', message });
  void qc.invalidateQueries({ queryKey: skillKeys.all });
  onClose();
};

/** Merge a duplicate into the skill that stays: what moves is said before and counted after. */
export function MergeSkillModal({ skill, onClose }: { skill: Skill; onClose: () => void }) {
  const qc = useQueryClient();
  const all = useQuery(skillQueries.everything());
  const [intoId, setIntoId] = useState<string | null>(null);
  const merge = useMutation({
    mutationFn: () => skillApi.merge(skill.id, intoId!),
    onSuccess: (r) =>
      done(qc, `Merged: ${r.moved.assessments} assessments, ${r.moved.expectations} profile expectations and ${r.moved.courses} courses moved`, onClose),
  });
  const options = (all.data?.data ?? []).filter((s) => s.id !== skill.id).map((s) => ({ value: s.id, label: `${s.name} (1–${s.maxLevel})` }));
  return (
    <Modal opened onClose={onClose} title={`Merge “${skill.name}” into another skill`}>
      <Stack>
        <Text size="sm">
          Courses, job profile expectations, assessments and development plan items of “{skill.name}” move to the skill you choose (where both are
          listed, the higher level is kept). “{skill.name}” is then archived.
        </Text>
        <Select label="Skill that stays" searchable data={options} value={intoId} onChange={setIntoId} nothingFoundMessage="No skill matches" />
        <ErrorAlert error={merge.error} title="Could not merge" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" disabled={!intoId} loading={merge.isPending} onClick={() => merge.mutate()}>
            Merge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A new scale: first the mapping of every recorded level, then apply. */
export function RescaleSkillModal({ skill, onClose }: { skill: Skill; onClose: () => void }) {
  const qc = useQueryClient();
  const [maxLevel, setMaxLevel] = useState<number>(skill.maxLevel === 5 ? 3 : 5);
  const preview = useQuery({
    queryKey: [...skillKeys.all, 'rescale', skill.id, maxLevel],
    queryFn: () => skillApi.rescale(skill.id, { maxLevel }),
  });
  const apply = useMutation({
    mutationFn: () => skillApi.rescale(skill.id, { maxLevel, apply: true }),
    onSuccess: () => done(qc, `${skill.name} now has ${maxLevel} levels`, onClose),
  });
  return (
    <Modal opened onClose={onClose} title={`Change the scale of “${skill.name}”`} size="lg">
      <Stack>
        <NumberInput label="New number of levels" min={1} max={10} value={maxLevel} onChange={(v) => setMaxLevel(Math.max(1, Math.min(10, Number(v) || 1)))} />
        <ErrorAlert error={preview.error} />
        {preview.data && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Level now</Table.Th>
                <Table.Th>Becomes</Table.Th>
                <Table.Th>Assessments</Table.Th>
                <Table.Th>Profile expectations</Table.Th>
                <Table.Th>Courses</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.data.levels.map((l) => (
                <Table.Tr key={l.from}>
                  <Table.Td>{l.from}</Table.Td>
                  <Table.Td>{l.to}</Table.Td>
                  <Table.Td>{l.assessments}</Table.Td>
                  <Table.Td>{l.expectations}</Table.Td>
                  <Table.Td>{l.courses}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Alert color="yellow" variant="light">
          Every recorded level is rewritten as shown, and current levels are recomputed. Level descriptors beyond the new scale are dropped.
        </Alert>
        <ErrorAlert error={apply.error} title="Could not change the scale" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!preview.data || maxLevel === skill.maxLevel} loading={apply.isPending} onClick={() => apply.mutate()}>
            Apply the new scale
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

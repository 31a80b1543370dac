import { ActionIcon, Badge, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { drawerTitle, ErrorAlert, Loading } from '../../../ui/common.tsx';
import { skillQueries } from '../skills/api.ts';
import { jobProfileApi, jobProfileKeys, jobProfileQueries, type JobProfileDetail } from './api.ts';

type Row = { skillId: string | null; level: number };

/** Create or edit a job profile: name, family, description and its expected skills within each skill's scale. */
export function ProfileModal({ profileId, onClose }: { profileId: string | null; onClose: () => void }) {
  const detail = useQuery({ ...jobProfileQueries.one(profileId ?? ''), enabled: !!profileId });
  return (
    <Modal opened onClose={onClose} size="lg" title={profileId ? 'Edit job profile' : 'New job profile'} styles={drawerTitle} closeButtonProps={{ 'aria-label': 'Close' }}>
      {profileId && detail.isLoading ? (
        <Loading label="Loading profile" />
      ) : profileId && detail.isError ? (
        <ErrorAlert error={detail.error} />
      ) : (
        <>
          <ProfileForm profile={detail.data ?? null} onClose={onClose} />
          {detail.data && <NextSteps profile={detail.data} />}
        </>
      )}
    </Modal>
  );
}

function ProfileForm({ profile, onClose }: { profile: JobProfileDetail | null; onClose: () => void }) {
  const qc = useQueryClient();
  const skills = useQuery(skillQueries.everything());
  const [name, setName] = useState(profile?.name ?? '');
  const [family, setFamily] = useState(profile?.family ?? '');
  const [description, setDescription] = useState(profile?.description ?? '');
  const [rows, setRows] = useState<Row[]>(profile?.skills.map((s) => ({ skillId: s.skillId, level: s.level })) ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const all = skills.data?.data ?? [];
  const byId = new Map(all.map((s) => [s.id, s]));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        family: family.trim() || null,
        description: description.trim() || null,
        skills: rows.filter((r) => r.skillId).map((r) => ({ skillId: r.skillId!, level: r.level })),
      };
      return profile ? jobProfileApi.update(profile.id, body) : jobProfileApi.create(body);
    },
    onSuccess: () => {
      notifications.show({ color: 'green', message: profile ? 'Profile saved' : 'Profile added' });
      void qc.invalidateQueries({ queryKey: jobProfileKeys.all });
      onClose();
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });
  const setRow = (i: number, r: Partial<Row>) => setRows(rows.map((x, j) => (j === i ? { ...x, ...r } : x)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {save.error && !Object.keys(fieldErrors(save.error)).length && <ErrorAlert error={save.error} />}
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <TextInput label="Family" description="Groups the career map, e.g. Sales" value={family} onChange={(e) => setFamily(e.currentTarget.value)} error={errors.family} />
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <Title order={2} size="h4">
          Expected skills
        </Title>
        {rows.length === 0 && <Text c="dimmed" size="sm">No expected skills yet.</Text>}
        {rows.map((r, i) => {
          const sk = r.skillId ? byId.get(r.skillId) : undefined;
          const max = sk?.maxLevel ?? profile?.skills.find((s) => s.skillId === r.skillId)?.maxLevel ?? 5;
          const taken = new Set(rows.filter((_, j) => j !== i).map((x) => x.skillId));
          const options = all.filter((s) => !taken.has(s.id)).map((s) => ({ value: s.id, label: s.name }));
          if (r.skillId && !byId.has(r.skillId)) {
            const old = profile?.skills.find((s) => s.skillId === r.skillId);
            if (old) options.push({ value: old.skillId, label: `${old.name} (archived)` });
          }
          return (
            <Group key={i} align="flex-start" wrap="wrap" gap="xs">
              <Select
                label={`Skill ${i + 1}`}
                searchable
                data={options}
                value={r.skillId}
                onChange={(v) => setRow(i, { skillId: v, level: Math.min(r.level, byId.get(v ?? '')?.maxLevel ?? 5) })}
                error={errors[`skills.${i}.skillId`]}
                style={{ flex: '1 1 200px' }}
              />
              <Select
                label={`Level for skill ${i + 1}`}
                data={Array.from({ length: max }, (_, l) => ({ value: String(l + 1), label: `${l + 1}${sk?.levels[l] ? ` · ${sk.levels[l]}` : ''}` }))}
                value={String(r.level)}
                onChange={(v) => setRow(i, { level: Number(v ?? 1) })}
                allowDeselect={false}
                error={errors[`skills.${i}.level`]}
                style={{ flex: '0 1 160px' }}
              />
              <ActionIcon variant="subtle" color="red" mt={28} aria-label={`Remove skill ${i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRows([...rows, { skillId: null, level: 3 }])}>
            Add skill
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
            {profile ? 'Save' : 'Add profile'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The profile's next steps: add a promotion or lateral move, remove one. */
function NextSteps({ profile }: { profile: JobProfileDetail }) {
  const qc = useQueryClient();
  const profiles = useQuery(jobProfileQueries.everything());
  const [to, setTo] = useState<string | null>(null);
  const [kind, setKind] = useState<'promotion' | 'lateral'>('promotion');
  const done = () => void qc.invalidateQueries({ queryKey: jobProfileKeys.all });
  const add = useMutation({
    mutationFn: () => jobProfileApi.addStep({ fromProfileId: profile.id, toProfileId: to!, kind }),
    onSuccess: () => {
      setTo(null);
      done();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => jobProfileApi.removeStep(id), onSuccess: done });
  const taken = new Set([profile.id, ...profile.nextSteps.map((s) => s.toProfileId)]);
  return (
    <Stack mt="xl" gap="xs">
      <Title order={2} size="h4">
        Next steps
      </Title>
      {profile.nextSteps.length === 0 && <Text c="dimmed" size="sm">No next steps yet.</Text>}
      {profile.nextSteps.map((s) => (
        <Group key={s.id} justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <Badge variant="light" color={s.kind === 'promotion' ? 'teal' : 'blue'}>
              {s.kind === 'promotion' ? '↑ Promotion' : '→ Lateral'}
            </Badge>
            <Text size="sm">{s.to.name}</Text>
          </Group>
          <ActionIcon variant="subtle" color="red" aria-label={`Remove step to ${s.to.name}`} onClick={() => remove.mutate(s.id)}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <ErrorAlert error={add.error ?? remove.error} />
      <Group align="flex-end" wrap="wrap" gap="xs">
        <Select
          label="Next profile"
          searchable
          data={(profiles.data?.data ?? []).filter((p) => !taken.has(p.id)).map((p) => ({ value: p.id, label: p.name }))}
          value={to}
          onChange={setTo}
          style={{ flex: '1 1 200px' }}
        />
        <Select
          label="Kind of step"
          data={[
            { value: 'promotion', label: 'Promotion (up)' },
            { value: 'lateral', label: 'Lateral (sideways)' },
          ]}
          value={kind}
          allowDeselect={false}
          onChange={(v) => setKind((v as 'promotion' | 'lateral') ?? 'promotion')}
          style={{ flex: '0 1 180px' }}
        />
        <Button onClick={() => add.mutate()} disabled={!to} loading={add.isPending}>
          Add step
        </Button>
      </Group>
    </Stack>
  );
}

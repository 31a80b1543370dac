import { Badge, Button, Checkbox, Divider, Drawer, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { hasRole, useMe, type Role } from '../../../lib/me.ts';
import { peopleApi, peopleKeys, peopleQueries, type Person } from '../../people/api.ts';
import { visibilityLabels } from '../../people/format.ts';
import { drawerTitle, ErrorAlert } from '../../../ui/common.tsx';
import { PersonPicker } from '../../people/PersonPicker.tsx';


const empty = {
  firstName: '',
  lastName: '',
  email: '',
  employeeNumber: '',
  jobTitle: '',
  departmentId: null as string | null,
  managerId: null as string | null,
  location: '',
  timeZone: '',
  locale: '',
  hireDate: '',
  customFields: {} as Record<string, string>,
};

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** Create or edit a person; for an existing person also their sign-in account and roles. */
export function PersonDrawer({ person, opened, onClose }: { person: Person | null; opened: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const { data: me } = useMe();
  const filters = useQuery(peopleQueries.filters());
  const fields = useQuery(peopleQueries.customFields());
  const form = useForm({
    initialValues: empty,
    validate: {
      firstName: (v) => (v.trim() ? null : 'Enter a first name'),
      lastName: (v) => (v.trim() ? null : 'Enter a last name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address'),
      hireDate: (v) => (!v || /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Use YYYY-MM-DD'),
    },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues(
      person
        ? {
            firstName: person.firstName,
            lastName: person.lastName,
            email: person.email,
            employeeNumber: person.employeeNumber ?? '',
            jobTitle: person.jobTitle ?? '',
            departmentId: person.department?.id ?? null,
            managerId: person.manager?.id ?? null,
            location: person.location ?? '',
            timeZone: person.timeZone ?? '',
            locale: person.locale ?? '',
            hireDate: person.hireDate ?? '',
            customFields: Object.fromEntries(Object.entries(person.customFields).map(([k, v]) => [k, v == null ? '' : String(v)])),
          }
        : empty,
    );
    form.resetDirty();
    form.clearErrors();
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, person?.id]);

  const save = useMutation({
    mutationFn: (v: typeof empty) => {
      const body = {
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        email: v.email.trim(),
        employeeNumber: orNull(v.employeeNumber),
        jobTitle: orNull(v.jobTitle),
        departmentId: v.departmentId,
        managerId: v.managerId,
        location: orNull(v.location),
        timeZone: orNull(v.timeZone),
        locale: orNull(v.locale),
        hireDate: orNull(v.hireDate),
        customFields: Object.fromEntries(Object.entries(v.customFields).map(([k, val]) => [k, orNull(val)])),
      };
      return person ? peopleApi.update(person.id, body) : peopleApi.create(body);
    },
    onSuccess: (p) => {
      notifications.show({ color: 'green', message: person ? `Saved ${p.name}` : `Added ${p.name}` });
      void qc.invalidateQueries({ queryKey: peopleKeys.lists });
      void qc.invalidateQueries({ queryKey: peopleKeys.people });
      onClose();
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });

  const defs = fields.data?.data ?? [];
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={person ? `Edit ${person.name}` : 'Add a person'} styles={drawerTitle} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          {save.error && <ErrorAlert error={save.error} title="Could not save" />}
          <Group grow>
            <TextInput label="First name" required {...form.getInputProps('firstName')} />
            <TextInput label="Last name" required {...form.getInputProps('lastName')} />
          </Group>
          <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
          <Group grow>
            <TextInput label="Employee number" {...form.getInputProps('employeeNumber')} />
            <TextInput label="Hire date" type="date" {...form.getInputProps('hireDate')} />
          </Group>
          <TextInput label="Job title" {...form.getInputProps('jobTitle')} />
          <Select
            label="Department"
            clearable
            searchable
            data={(filters.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
            {...form.getInputProps('departmentId')}
          />
          <PersonPicker
            label="Manager"
            value={form.values.managerId}
            initial={person?.manager}
            exclude={person?.id}
            onChange={(id) => form.setFieldValue('managerId', id)}
            error={form.errors.managerId}
          />
          <TextInput label="Location" {...form.getInputProps('location')} />
          <Group grow>
            <TextInput label="Time zone" placeholder="Europe/London" {...form.getInputProps('timeZone')} />
            <TextInput label="Locale" placeholder="en-GB" {...form.getInputProps('locale')} />
          </Group>
          {defs.map((d) =>
            d.type === 'choice' ? (
              <Select
                key={d.key}
                label={d.label}
                description={`Seen by: ${visibilityLabels[d.visibility]}`}
                clearable
                data={d.options}
                value={form.values.customFields[d.key] || null}
                onChange={(v) => form.setFieldValue(`customFields.${d.key}`, v ?? '')}
                error={form.errors[`customFields.${d.key}`]}
              />
            ) : (
              <TextInput
                key={d.key}
                label={d.label}
                description={`Seen by: ${visibilityLabels[d.visibility]}`}
                type={d.type === 'number' ? 'number' : d.type === 'date' ? 'date' : 'text'}
                value={form.values.customFields[d.key] ?? ''}
                onChange={(e) => form.setFieldValue(`customFields.${d.key}`, e.currentTarget.value)}
                error={form.errors[`customFields.${d.key}`]}
              />
            ),
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {person ? 'Save' : 'Add person'}
            </Button>
          </Group>
        </Stack>
      </form>
      {person && (
        <>
          <Divider my="lg" />
          <AccountPanel person={person} canSetRoles={hasRole(me, 'admin') && !!me?.roles.includes('admin')} />
        </>
      )}
    </Drawer>
  );
}

function AccountPanel({ person, canSetRoles }: { person: Person; canSetRoles: boolean }) {
  const qc = useQueryClient();
  const key = peopleKeys.account(person.id);
  const account = useQuery(peopleQueries.account(person.id));
  const invite = useMutation({
    mutationFn: () => peopleApi.invite(person.id),
    onSuccess: () => {
      notifications.show({ color: 'green', message: `Invitation sent to ${person.email}` });
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const roles = useMutation({
    mutationFn: (next: Role[]) => peopleApi.setRoles(person.id, next),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const a = account.data;
  const toggle = (r: Role, on: boolean) => a && roles.mutate(on ? [...a.roles, r] : a.roles.filter((x) => x !== r));
  return (
    <Stack>
      <Title order={3} size="h4">
        Sign-in account
      </Title>
      <ErrorAlert error={account.error ?? invite.error ?? roles.error} />
      {a && (
        <>
          <Group gap="xs">
            {!a.hasAccount ? (
              <Badge color="gray">No account</Badge>
            ) : a.passwordSet ? (
              <Badge color="green">Active</Badge>
            ) : (
              <Badge color="yellow">Invited</Badge>
            )}
            <Text size="sm" c="dimmed">
              {a.lastSignInAt ? `Last signed in ${new Date(a.lastSignInAt).toLocaleString()}` : 'Never signed in'}
            </Text>
          </Group>
          {person.status === 'active' && a.passwordSet && (
            // An invitation would let whoever reads the mailbox replace the password they chose.
            <Text size="sm">
              They have chosen a password. If they forget it, they reset it from the sign-in page (“Forgot password?”); the link goes
              to their sign-in email only.
            </Text>
          )}
          {person.status === 'active' && !a.passwordSet && (
            <Button variant="light" onClick={() => invite.mutate()} loading={invite.isPending} w="fit-content">
              {a.hasAccount ? 'Resend invitation' : 'Invite to sign in'}
            </Button>
          )}
          {a.hasAccount && (
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                Permission roles
              </Text>
              {(
                [
                  ['admin', 'Admin', 'Everything, including roles, audit log and mail'],
                  ['hr_admin', 'HR admin', 'People, departments, groups, imports'],
                  ['learning_admin', 'Learning admin', 'Courses and learning'],
                ] as const
              ).map(([r, label, description]) => (
                <Checkbox
                  key={r}
                  label={label}
                  description={description}
                  checked={a.roles.includes(r)}
                  disabled={!canSetRoles || roles.isPending}
                  onChange={(e) => toggle(r, e.currentTarget.checked)}
                />
              ))}
              {!canSetRoles && (
                <Text size="xs" c="dimmed">
                  Only admins can change roles.
                </Text>
              )}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

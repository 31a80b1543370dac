import { Alert, Anchor, Button, Loader, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useRouterState, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { meQueryKey } from '../../lib/me.ts';
import { useTitle } from '../../lib/title.ts';
import { authApi, authQueries } from './api.ts';
import { AuthCard } from './AuthCard.tsx';

export const MIN_PASSWORD = 10;

/** Accepting an invitation and resetting a password both end in choosing a password. */
export default function SetPasswordPage() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const invitation = pathname.startsWith('/accept-invitation');
  useTitle(invitation ? 'Accept invitation' : 'Choose a new password');
  const { token = '' } = useSearch({ strict: false }) as { token?: string };
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const link = useQuery(authQueries.link(token));
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => (v.length >= MIN_PASSWORD ? null : `Use at least ${MIN_PASSWORD} characters`),
      confirm: (v, values) => (v === values.password ? null : 'The passwords do not match'),
    },
  });
  const submit = form.onSubmit(async ({ password }) => {
    setError(null);
    try {
      const me = await authApi.completeLink(token, password);
      qc.setQueryData(meQueryKey, me);
      await navigate({ to: '/' });
    } catch (err) {
      if (err instanceof ApiError && err.details.length) form.setErrors({ password: err.details[0]!.message });
      else setError(err instanceof ApiError && err.status === 404 ? 'This link has expired or was already used.' : 'Something went wrong. Try again.');
    }
  });

  const title = invitation ? 'Welcome to Tandem' : 'Choose a new password';
  if (!token || link.isError) {
    return (
      <AuthCard title={title}>
        <Stack>
          <Alert color="red" role="alert" title="This link does not work">
            It may have expired or already been used. {invitation ? 'Ask your HR team to send a new invitation.' : 'Request a new link.'}
          </Alert>
          <Anchor component={Link} to={invitation ? '/sign-in' : '/forgot-password'}>
            {invitation ? 'Go to sign in' : 'Request a new link'}
          </Anchor>
        </Stack>
      </AuthCard>
    );
  }
  if (link.isLoading || !link.data) {
    return (
      <AuthCard title={title}>
        <Loader aria-label="Checking the link" />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={title}
      subtitle={
        invitation
          ? `${link.data.name}, you are invited to join ${link.data.orgName}. Choose a password to start.`
          : `For ${link.data.email} in ${link.data.orgName}`
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Text size="sm">
            Signing in as <strong>{link.data.email}</strong>
          </Text>
          {!invitation && (
            <Text size="sm">
              A new password signs you out on every device and revokes your API tokens: integrations that use them need new ones.
            </Text>
          )}
          <PasswordInput visibilityToggleButtonProps={{ "aria-label": "Show characters" }} label="New password" description={`At least ${MIN_PASSWORD} characters`} autoComplete="new-password" required autoFocus {...form.getInputProps('password')} />
          <PasswordInput visibilityToggleButtonProps={{ "aria-label": "Show characters" }} label="Confirm password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Button type="submit" loading={form.submitting} fullWidth>
            {invitation ? 'Accept and sign in' : 'Set password and sign in'}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

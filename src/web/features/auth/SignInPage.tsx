import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ApiError } from '../../lib/api.ts';
import { meQueryKey, type Me } from '../../lib/me.ts';
import { useTitle } from '../../lib/title.ts';
import { AuthCard } from './AuthCard.tsx';

/** Only same-site paths are followed after sign-in, so a link cannot send people elsewhere. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  useTitle('Sign in');
  const { next } = useSearch({ strict: false }) as { next?: string };
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : 'Enter your email'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const me = await api<Me>('auth/sign-in', { method: 'POST', body: values });
      qc.setQueryData(meQueryKey, me);
      await navigate({ to: safeNext(next) });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'rate_limited') setError('Too many attempts. Wait a few minutes and try again.');
      else if (err instanceof ApiError && err.status === 401) setError('The email or password is not correct.');
      else setError(err instanceof Error ? err.message : 'Sign-in failed');
      form.setFieldValue('password', '');
    }
  });

  return (
    <AuthCard title="Sign in" subtitle="Learning and performance, together">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert" title="Could not sign in">
              {error}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required autoFocus {...form.getInputProps('email')} />
          <PasswordInput label="Password" visibilityToggleButtonProps={{ "aria-label": "Show characters" }} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={form.submitting} fullWidth>
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            Forgot password?
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}

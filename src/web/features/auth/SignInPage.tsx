import { Alert, Anchor, Button, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { meQueryKey } from '../../lib/me.ts';
import { useTitle } from '../../lib/title.ts';
import { authApi } from './api.ts';
import { AuthCard } from './AuthCard.tsx';

/** Only same-site paths are followed after sign-in, so a link cannot send people elsewhere. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

type Organisation = { id: string; slug: string; name: string };

/** The organisations a 409 answer lists when the password opens accounts in several. */
function organisationsIn(err: unknown): Organisation[] | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const list = err.body?.organisations;
  return Array.isArray(list) && list.length ? (list as Organisation[]) : null;
}

export default function SignInPage() {
  useTitle('Sign in');
  const { next } = useSearch({ strict: false }) as { next?: string };
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // Set when the email and password open accounts in several organisations: the person picks one.
  const [choices, setChoices] = useState<Organisation[] | null>(null);
  const choicesRef = useRef<HTMLDivElement>(null);
  // The form grew a question: take keyboard and screen reader users to it.
  useEffect(() => {
    if (choices) choicesRef.current?.querySelector('input')?.focus();
  }, [choices]);
  const form = useForm({
    initialValues: { email: '', password: '', organisation: '' },
    validate: {
      email: (v) => (v.trim() ? null : 'Enter your email'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });
  const emailInput = form.getInputProps('email');

  const submit = form.onSubmit(async ({ organisation, ...values }) => {
    setError(null);
    if (choices && !organisation) {
      form.setFieldError('organisation', 'Choose the organisation to sign in to');
      return;
    }
    try {
      const body = choices && organisation ? { ...values, organisation } : values;
      const me = await authApi.signIn(body);
      qc.setQueryData(meQueryKey, me);
      await navigate({ to: safeNext(next) });
    } catch (err) {
      const several = organisationsIn(err);
      if (several) {
        setChoices(several);
        form.setFieldValue('organisation', '');
        return;
      }
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
          <TextInput label="Email" type="email" autoComplete="username" required autoFocus {...emailInput}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
              // Another email may open other organisations: ask again.
              setChoices(null);
              form.setFieldValue('organisation', '');
              emailInput.onChange(e);
            }}
          />
          <PasswordInput label="Password" visibilityToggleButtonProps={{ "aria-label": "Show characters" }} autoComplete="current-password" required {...form.getInputProps('password')} />
          {choices && (
            <Radio.Group
              label="Organisation"
              description="This email and password open more than one organisation. Choose the one to sign in to."
              required
              {...form.getInputProps('organisation')}
            >
              <Stack gap="xs" mt="xs" ref={choicesRef}>
                {choices.map((o) => (
                  <Radio key={o.id} value={o.id} label={o.name} />
                ))}
              </Stack>
            </Radio.Group>
          )}
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

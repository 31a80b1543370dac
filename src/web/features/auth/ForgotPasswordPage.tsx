import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { useTitle } from '../../lib/title.ts';
import { authApi } from './api.ts';
import { AuthCard } from './AuthCard.tsx';

export default function ForgotPasswordPage() {
  useTitle('Reset your password');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address') },
  });
  const submit = form.onSubmit(async ({ email }) => {
    setError(null);
    try {
      await authApi.requestPasswordReset(email.trim());
      setSent(true);
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'rate_limited' ? 'Too many requests. Try again later.' : 'Something went wrong. Try again.');
    }
  });
  return (
    <AuthCard title="Reset your password" subtitle="We will email you a link to choose a new password.">
      {sent ? (
        <Stack>
          <Alert color="green" role="status" title="Check your email">
            If an account exists for that address, we sent a link to reset the password (one for each organisation it signs in to). The
            link works for one hour.
          </Alert>
          <Anchor component={Link} to="/sign-in">
            Back to sign in
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="email" required autoFocus {...form.getInputProps('email')} />
            <Button type="submit" loading={form.submitting} fullWidth>
              Send reset link
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm" ta="center">
              Back to sign in
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

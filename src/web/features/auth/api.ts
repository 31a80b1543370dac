import { queryOptions } from '@tanstack/react-query';
import { http, type Body } from '../../lib/api.ts';

export const authKeys = {
  link: (token: string) => ['auth-link', token] as const,
};

export const authQueries = {
  /** What an invitation or password-reset link is for; 404 when expired or used. */
  link: (token: string) =>
    queryOptions({ queryKey: authKeys.link(token), queryFn: () => http.get('/auth/links/:token', { params: { token } }), enabled: token.length > 0, retry: false }),
};

export const authApi = {
  signIn: (body: Body<'/auth/sign-in', 'post'>) => http.post('/auth/sign-in', { body }),
  signOut: () => http.post('/auth/sign-out'),
  requestPasswordReset: (email: string) => http.post('/auth/password-reset', { body: { email } }),
  /** Sets the password the link asks for and signs in. */
  completeLink: (token: string, password: string) => http.post('/auth/links/:token/complete', { params: { token }, body: { password } }),
};

export { createAdmin } from './accounts.service.ts';
export { accountRoutes } from './accounts.routes.ts';
export { authenticate } from './auth.middleware.ts';
export { authRoutes } from './auth.routes.ts';
export { hashPassword } from './secrets.ts';
export { SESSION_COOKIE } from './session.service.ts';
export { issueApiToken } from './tokens.service.ts';
export { tokenRoutes } from './tokens.routes.ts';
export { createSignInLinkFromCli, type CliLinkKind } from './links.cli.ts';

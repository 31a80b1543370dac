export { authenticate } from './auth.middleware.ts';
export { authRoutes } from './auth.routes.ts';
export { hashPassword } from './secrets.ts';
export { SESSION_COOKIE } from './session.service.ts';

import { z } from '@hono/zod-openapi';
import { permissionRoles } from '../../db/schema/identity.ts';

export const RoleSchema = z.enum(permissionRoles);

export const SignInBody = z
  .strictObject({
    email: z.string().trim().min(1, 'Enter your email').max(320),
    password: z.string().min(1, 'Enter your password').max(1000),
    /** Id or slug; needed only when the email signs in to several organisations (409 lists them). */
    organisation: z.string().trim().min(1).max(200).optional(),
  })
  .openapi('SignIn');

export const MeSchema = z
  .object({
    userId: z.uuid(),
    personId: z.uuid(),
    orgId: z.uuid(),
    orgName: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(RoleSchema),
    isManager: z.boolean(),
    via: z.enum(['session', 'token']),
  })
  .openapi('Me');

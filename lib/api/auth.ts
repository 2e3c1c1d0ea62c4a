import { z } from 'zod';
import { ACTIONS } from '@/lib/auth/access';

// The sign-in API's shapes, shared by the route handlers and the browser.

export const loginInput = z.strictObject({
  username: z.string().min(1, 'Enter your username.').max(200),
  password: z.string().min(1, 'Enter your password.').max(1000),
});
export type LoginInput = z.infer<typeof loginInput>;

const roleRule = z.object({
  name: z.string(),
  clusters: z.array(z.string()),
  topics: z.array(z.string()).optional(),
  groups: z.array(z.string()).optional(),
  actions: z.array(z.enum(ACTIONS)),
});

export const me = z.object({
  user: z.object({ name: z.string(), method: z.enum(['local', 'oidc', 'anonymous', 'metrics-token']) }),
  /** False when the console runs without sign-in (everyone is admin). */
  signInEnabled: z.boolean(),
  /** True when sign-in is off and the console listens beyond loopback: the UI warns loudly. */
  exposedWithoutSignIn: z.boolean(),
  /** The rules the browser uses to disable what the user may not do; the server enforces them regardless. */
  rules: z.array(roleRule),
  /** Seconds since the epoch when the session ends, if there is one. */
  sessionExpiresAt: z.number().nullable(),
});
export type Me = z.infer<typeof me>;

import type { Me } from '@/lib/api/auth';
import { appConfig } from '@/lib/kafka/clusters';
import { route } from '@/lib/server/route';
import { exposedWithoutSignIn } from '@/lib/server/binding';

export const dynamic = 'force-dynamic';

/** The signed-in user and the rules of their roles (without masking details). */
export const GET = route('signed-in', async ({ principal }): Promise<Me> => {
  const { auth } = await appConfig();
  return {
    user: { name: principal.name, method: principal.method },
    signInEnabled: auth.mode === 'sign-in',
    exposedWithoutSignIn: exposedWithoutSignIn(auth),
    rules: principal.access.rules.map(({ name, clusters, topics, groups, actions }) => ({ name, clusters, topics, groups, actions })),
    sessionExpiresAt: principal.session?.expiresAt ?? null,
  };
});

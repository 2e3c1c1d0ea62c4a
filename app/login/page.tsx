import { OidcSignInButton } from '@/components/auth/oidc-sign-in-button';
import { SignInError } from '@/components/auth/sign-in-error';
import { appConfig } from '@/lib/kafka/clusters';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { auth } = await appConfig();
  return (
    <main className="mx-auto mt-24 max-w-sm space-y-4 p-6">
      <h1 className="text-xl font-semibold">Sign in to Kafka Console</h1>
      <SignInError code={params.error} />
      {auth.oidc && <OidcSignInButton displayName={auth.oidc.displayName} next={first(params.next)} />}
    </main>
  );
}

import { notFound } from 'next/navigation';
import { SubjectView } from '@/components/schemas/subject-view';
import { isRegistryStatus, registryOf } from '@/lib/schemas/browse';
import { requireCluster } from '@/lib/server/page-exists';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function SubjectPage({ params }: { params: Promise<{ cluster: string; subject: string }> }) {
  const { cluster: rawCluster, subject: rawSubject } = await params;
  const cluster = routeParam(rawCluster);
  const subject = routeParam(rawSubject);
  await requireCluster(cluster);
  await requireSubject(cluster, subject);
  return <SubjectView cluster={cluster} subject={subject} />;
}

/** How long the page waits to learn whether the subject exists; a slow registry is the view's state. */
const CHECK_WAIT_MS = 2_000;

/** A subject the registry does not know (not even as deleted) is a 404 page; a registry that is down or slow is the view's error state. */
async function requireSubject(cluster: string, subject: string): Promise<void> {
  const registry = await registryOf(cluster).catch(() => undefined);
  if (!registry) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = registry.versions(subject, { deleted: true }).then(
    (versions) => (versions.length === 0 ? 'missing' : 'found'),
    (error: unknown) => (isRegistryStatus(error, 404) ? 'missing' : 'unknown'),
  );
  const outcome = await Promise.race([check, new Promise<'unknown'>((resolve) => (timer = setTimeout(() => resolve('unknown'), CHECK_WAIT_MS)))]);
  clearTimeout(timer);
  if (outcome === 'missing') notFound();
}

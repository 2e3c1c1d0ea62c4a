import { notFound } from 'next/navigation';
import { SubjectView } from '@/components/schemas/subject-view';
import { registryOf } from '@/lib/schemas/browse';
import { RegistryError } from '@/lib/schemas/registry-client';
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

/** A subject the registry does not know (not even as deleted) is a 404 page; a registry that is down is the view's error state. */
async function requireSubject(cluster: string, subject: string): Promise<void> {
  const registry = await registryOf(cluster).catch(() => undefined);
  if (!registry) return;
  try {
    await registry.versions(subject, { deleted: true });
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) notFound();
  }
}

import { CreateTopicView } from '@/components/topic-forms/create-topic-view';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function NewTopicPage({ params, searchParams }: {
  params: Promise<{ cluster: string }>;
  searchParams: Promise<{ from?: string | string[] }>;
}) {
  const [{ cluster }, { from }] = await Promise.all([params, searchParams]);
  const source = Array.isArray(from) ? from[0] : from;
  return <CreateTopicView cluster={routeParam(cluster)} from={source || undefined} />;
}

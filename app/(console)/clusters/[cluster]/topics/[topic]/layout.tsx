import type { ReactNode } from 'react';
import { requireTopic } from '@/lib/server/page-exists';
import { routeParam } from '@/lib/url-params';

// One existence check for the topic's detail, messages and settings pages.
export default async function TopicLayout({ children, params }: {
  children: ReactNode;
  params: Promise<{ cluster: string; topic: string }>;
}) {
  const { cluster, topic } = await params;
  await requireTopic(routeParam(cluster), routeParam(topic));
  return children;
}

'use client';

import type { ReactNode } from 'react';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { TopicTabs } from './topic-tabs';

/**
 * The head of every page of one topic: the way back to the topic list, the topic's name with its
 * badges, the page's actions, and the tabs.
 */
export function TopicHeader({ cluster, topic, internal, badges, actions }: {
  cluster: string;
  topic: string;
  /** Shows the "internal" badge. */
  internal?: boolean;
  /** Further badges after the name (health of its partitions). */
  badges?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <>
      <p className="mb-1 text-sm">
        <BackLink href={`/clusters/${encodeURIComponent(cluster)}/topics`}>Topics</BackLink>
      </p>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="break-all" data-testid="topic-title">{topic}</span>
            {internal && <Badge>internal</Badge>}
            {badges}
          </span>
        }
        actions={actions}
      />
      <TopicTabs cluster={cluster} topic={topic} />
    </>
  );
}

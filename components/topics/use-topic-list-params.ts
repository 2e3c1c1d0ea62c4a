'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseTopicListParams, topicListSearch, type TopicListParams } from '@/lib/queries/topics';

/** The topic list's search, sort, page and internal flag, read from and written to the URL. */
export function useTopicListParams(): [TopicListParams, (change: Partial<TopicListParams>) => void] {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo(() => parseTopicListParams((name) => search.get(name)), [search]);
  const update = useCallback(
    (change: Partial<TopicListParams>) => {
      // Any change other than the page itself starts again at page 1.
      const next = { ...params, ...change, page: change.page ?? 1 };
      router.replace(`${pathname}${topicListSearch(next)}`, { scroll: false });
    },
    [params, pathname, router],
  );
  return [params, update];
}

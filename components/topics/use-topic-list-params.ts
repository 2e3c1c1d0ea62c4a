'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { topicSortKeys, type TopicSortKey } from '@/lib/api/topics';
import { topicListSearch, type TopicListParams } from '@/lib/queries/topics';

/** The topic list's search, sort, page and internal flag, read from and written to the URL. */
export function useTopicListParams(): [TopicListParams, (change: Partial<TopicListParams>) => void] {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo<TopicListParams>(() => {
    const sort = search.get('sort');
    const page = Number(search.get('page'));
    return {
      q: search.get('q') ?? '',
      sort: (topicSortKeys as readonly string[]).includes(sort ?? '') ? (sort as TopicSortKey) : 'name',
      dir: search.get('dir') === 'desc' ? 'desc' : 'asc',
      page: Number.isInteger(page) && page > 0 ? page : 1,
      internal: search.get('internal') === 'true',
    };
  }, [search]);
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

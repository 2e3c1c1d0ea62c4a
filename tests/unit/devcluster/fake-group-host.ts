import type { GroupCoordinatorHost } from '@/lib/devcluster/groups';

/** The cluster as the group coordinator sees it, with a clock the test moves by hand. */
export class FakeGroupHost implements GroupCoordinatorHost {
  live = [1, 2, 3];
  topics = new Map<string, number>([['orders', 3], ['payments', 2]]);
  constructor(public time = 1_000_000) {}
  liveBrokerIds() { return this.live; }
  partitionExists(t: string, p: number) { return p >= 0 && p < (this.topics.get(t) ?? 0); }
  partitionOffsets() { return { logStartOffset: 0, highWatermark: 100, logEndOffset: 100 }; }
  topicNames() { return [...this.topics.keys()]; }
  now() { return this.time; }
}

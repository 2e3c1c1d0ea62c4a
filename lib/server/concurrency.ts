import 'server-only';
import { tooManyRequests } from '@/lib/api/errors';
import { appConfig } from '@/lib/kafka/clusters';

// How many message reads and live tails run at once, per user (across clusters) and per cluster.
// Each holds fetch buffers and a response being built, so parallel requests multiply memory and
// connections: past a limit the request is refused with 429 before any of it is read. A slot is
// released exactly once, when the response is complete or the stream ends or is aborted.

export type SlotKind = 'read' | 'tail';

export interface Slot {
  release(): void;
}

interface Counts {
  byUser: Map<string, number>;
  byCluster: Map<string, number>;
}

const countsKey = Symbol.for('kafka-console.concurrency');
type GlobalWithCounts = typeof globalThis & { [countsKey]?: Record<SlotKind, Counts> };
const counts = ((globalThis as GlobalWithCounts)[countsKey] ??= {
  read: { byUser: new Map(), byCluster: new Map() },
  tail: { byUser: new Map(), byCluster: new Map() },
});

const what: Record<SlotKind, { plural: string; env: [string, string] }> = {
  read: { plural: 'message reads (browse, search, single messages)', env: ['CONSOLE_READS_PER_USER', 'CONSOLE_READS_PER_CLUSTER'] },
  tail: { plural: 'live tails', env: ['CONSOLE_TAILS_PER_USER', 'CONSOLE_TAILS_PER_CLUSTER'] },
};

/** Takes a slot for `user` on `clusterId`, or throws 429 naming the limit that was reached. */
export async function acquireSlot(kind: SlotKind, clusterId: string, user: string): Promise<Slot> {
  const { limits } = await appConfig();
  const perUser = kind === 'read' ? limits.readsPerUser : limits.tailsPerUser;
  const perCluster = kind === 'read' ? limits.readsPerCluster : limits.tailsPerCluster;
  const c = counts[kind];
  const mine = c.byUser.get(user) ?? 0;
  const cluster = c.byCluster.get(clusterId) ?? 0;
  const { plural, env } = what[kind];
  if (mine >= perUser) {
    throw tooManyRequests(`You already have ${mine} ${plural} open, the most allowed at once (${env[0]}); close one or wait for it to finish.`);
  }
  if (cluster >= perCluster) {
    throw tooManyRequests(`Cluster "${clusterId}" already serves ${cluster} ${plural}, the most allowed at once (${env[1]}); try again in a moment.`);
  }
  c.byUser.set(user, mine + 1);
  c.byCluster.set(clusterId, cluster + 1);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      decrement(c.byUser, user);
      decrement(c.byCluster, clusterId);
    },
  };
}

/** Runs `work` holding a slot, released however it ends. */
export async function withSlot<T>(kind: SlotKind, clusterId: string, user: string, work: () => Promise<T>): Promise<T> {
  const slot = await acquireSlot(kind, clusterId, user);
  try {
    return await work();
  } finally {
    slot.release();
  }
}

/** Slots held now (for tests and the benchmarks). */
export function slotsInUse(kind: SlotKind, by: { user?: string; cluster?: string }): number {
  const c = counts[kind];
  return by.user !== undefined ? (c.byUser.get(by.user) ?? 0) : (c.byCluster.get(by.cluster ?? '') ?? 0);
}

function decrement(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 0) - 1;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

import 'server-only';
import type { ApiCodec } from '@/lib/protocol/api-codec';
import type { BrokerConnection, ClusterClient } from '@/lib/protocol/client';
import { getProtocolClient } from '@/lib/kafka/protocol-pool';

// Every request the groups code sends goes through send(), which counts them per API: the
// benchmark reads the counts to show that requests grow with brokers and batches, not groups.

const key = Symbol.for('kafka-console.group-request-counts');
type GlobalWithCounts = typeof globalThis & { [key]?: Map<string, number> };
const counts = ((globalThis as GlobalWithCounts)[key] ??= new Map());

export function groupRequestCounts(): Record<string, number> {
  return Object.fromEntries(counts);
}

export function resetGroupRequestCounts(): void {
  counts.clear();
}

export async function send<Req, Res>(conn: BrokerConnection, codec: ApiCodec<Req, Res>, request: Req, version?: number): Promise<Res> {
  counts.set(codec.name, (counts.get(codec.name) ?? 0) + 1);
  return conn.send(codec, request, version === undefined ? {} : { version });
}

export async function protocolClient(clusterId: string): Promise<ClusterClient> {
  return getProtocolClient(clusterId);
}

/** The highest version of `codec` this broker and the client share, or -1 if none. */
export function sharedVersion(conn: BrokerConnection, codec: ApiCodec<unknown, unknown>): number {
  try {
    return conn.versionFor(codec);
  } catch {
    return -1;
  }
}

/** Runs `work` over items with at most `limit` in flight: pipelined on the connection, bounded. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

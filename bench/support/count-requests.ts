import { BrokerConnection } from '@/lib/protocol/client';

/**
 * Counts, by API name, every Kafka request the console's protocol client sends from now on, by
 * wrapping BrokerConnection.send for the whole process. `stop()` puts the original back.
 */
export function countRequests(): { sent: Map<string, number>; stop: () => void } {
  const sent = new Map<string, number>();
  const originalSend = BrokerConnection.prototype.send;
  BrokerConnection.prototype.send = function countingSend(this: BrokerConnection, codec, request, options) {
    sent.set(codec.name, (sent.get(codec.name) ?? 0) + 1);
    return originalSend.call(this, codec, request, options);
  } as typeof originalSend;
  return {
    sent,
    stop: () => {
      BrokerConnection.prototype.send = originalSend;
    },
  };
}

export const totalRequests = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/** "Metadata=1 OffsetFetch=3 ..." in name order. */
export const formatRequests = (counts: Map<string, number>) => [...counts].sort().map(([k, v]) => `${k}=${v}`).join(' ');

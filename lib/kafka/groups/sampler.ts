import 'server-only';
import { sampleIntervalMs } from './history-store';

// Samples a cluster's lag every CONSOLE_LAG_SAMPLE_MS once something first asked for its groups,
// so the charts and the health verdict have history even when nobody watches.

const key = Symbol.for('kafka-console.lag-samplers');
type GlobalWithSamplers = typeof globalThis & { [key]?: Map<string, NodeJS.Timeout> };
const samplers = ((globalThis as GlobalWithSamplers)[key] ??= new Map());

export function ensureSampler(clusterId: string, sample: () => Promise<unknown>): void {
  if (samplers.has(clusterId)) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sample()
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, sampleIntervalMs());
  // The sampler must never keep a process (a test, a CLI) alive on its own.
  timer.unref();
  samplers.set(clusterId, timer);
}

export function stopSampler(clusterId: string): void {
  clearInterval(samplers.get(clusterId));
  samplers.delete(clusterId);
}

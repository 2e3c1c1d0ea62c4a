import 'server-only';
import { sampleIntervalMs } from './interval';

// One sampler per cluster, started the first time something reads the cluster, so the charts, the
// traffic rates and the lag health have history even when nobody watches. Ticks never overlap (a
// slow cluster skips ticks rather than piling reads up), and the timer never keeps a process (a
// test, a CLI) alive on its own. The tick itself (./tick.ts) is loaded when it first runs: it
// reads topics, groups and log dirs, whose modules start the sampler in turn.

const key = Symbol.for('kafka-console.lag-samplers');
type GlobalWithSamplers = typeof globalThis & { [key]?: Map<string, NodeJS.Timeout> };
const samplers = ((globalThis as GlobalWithSamplers)[key] ??= new Map());

/** `clusterId` must be a configured cluster (the callers have read it): ids are never caller-chosen. */
export function ensureSampler(clusterId: string): void {
  if (samplers.has(clusterId)) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    import('./tick')
      .then(({ sampleCluster }) => sampleCluster(clusterId))
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, sampleIntervalMs());
  timer.unref();
  samplers.set(clusterId, timer);
}

export function stopSampler(clusterId: string): void {
  clearInterval(samplers.get(clusterId));
  samplers.delete(clusterId);
}

export function samplerRunning(clusterId: string): boolean {
  return samplers.has(clusterId);
}

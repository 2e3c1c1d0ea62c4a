import 'server-only';
import type { ReplayProgress } from '@/lib/api/produce';

// Progress of running replays, so the browser can follow one while its request runs. Finished
// jobs are kept for a while for a last look, then dropped.

const KEEP_MS = 10 * 60_000;

interface Job {
  progress: ReplayProgress;
  controller: AbortController;
}

const jobsKey = Symbol.for('kafka-console.replay-jobs');
type GlobalWithJobs = typeof globalThis & { [jobsKey]?: Map<string, Job> };
const jobs = ((globalThis as GlobalWithJobs)[jobsKey] ??= new Map());

/** `key` identifies the job in this process (cluster and job id); `jobId` is what the browser chose. */
export function startJob(key: string, jobId: string, total: number, signal?: AbortSignal): { progress: ReplayProgress; signal: AbortSignal } {
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const progress: ReplayProgress = { jobId, state: 'running', total, read: 0, produced: 0, startedAt: Date.now() };
  jobs.set(key, { progress, controller });
  return { progress, signal: controller.signal };
}

export function finishJob(key: string, state: ReplayProgress['state'], error?: string): void {
  const job = jobs.get(key);
  if (!job) return;
  job.progress.state = state;
  job.progress.finishedAt = Date.now();
  if (error) job.progress.error = error;
  setTimeout(() => {
    if (jobs.get(key) === job) jobs.delete(key);
  }, KEEP_MS).unref?.();
}

export function jobProgress(key: string): ReplayProgress | undefined {
  const job = jobs.get(key);
  return job ? { ...job.progress } : undefined;
}

/**
 * The job's progress, waiting up to `waitMs` for it to start: the browser picks the job id and
 * asks for progress as it sends the replay request, so the question can arrive first. Without the
 * wait that ordinary race would answer 404 (and the browser would log it as an error).
 */
export async function jobProgressSoon(key: string, waitMs: number): Promise<ReplayProgress | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const progress = jobProgress(key);
    if (progress || Date.now() >= deadline) return progress;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Asks a running job to stop; false when there is no such running job. */
export function cancelJob(key: string): boolean {
  const job = jobs.get(key);
  if (!job || job.progress.state !== 'running') return false;
  job.controller.abort();
  return true;
}

import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { badRequest, fieldError } from '@/lib/api/errors';
import { MAX_REPLAY_MESSAGES, replayInputSchema, type ReplayResult } from '@/lib/api/produce';
import { parseDateTime } from '@/lib/api/date-time';
import { offsetOutOfRange } from '@/lib/messages/cursor';
import type { RecordInput } from '@/lib/protocol/records/batch';
import { listPartitionOffsets } from '../offsets';
import { readForward } from './read-range';
import { finishJob, startJob } from './replay-jobs';
import { TopicReader } from './topic-reader';
import { TopicWriter } from './topic-writer';
import { invalidateAfterWrite } from './written';

// Replay: reads messages from a topic and produces them again, to the same or another topic,
// with their keys, values and headers byte for byte (and their timestamps when asked). Each
// source partition is read in order and written in order, one batch at a time, so the target
// holds them in the same order. The count is checked against the target's offsets at the end.

export type ValidReplayInput = z.infer<typeof replayInputSchema>;

/** A run of source offsets [from, to); `only` keeps just the chosen offsets in it. */
interface SourceRun {
  partition: number;
  from: number;
  to: number;
  only?: Set<number>;
}

const CHUNK_RECORDS = 1_000;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Chosen offsets closer than this are read in one pass. */
const GAP = 500;

export function jobKey(clusterId: string, jobId: string): string {
  return `${clusterId}/${jobId}`;
}

export async function replayMessages(clusterId: string, input: ValidReplayInput, signal?: AbortSignal): Promise<ReplayResult> {
  const started = Date.now();
  const reader = await TopicReader.open(clusterId, input.topic);
  const writer = await TopicWriter.open(clusterId, input.target.topic);
  const runs = await plan(reader, input);
  const total = runs.reduce((n, r) => n + (r.only ? r.only.size : r.to - r.from), 0);
  if (total > MAX_REPLAY_MESSAGES) {
    throw badRequest(`The range holds ${total.toLocaleString('en-US')} offsets; one replay takes at most ${MAX_REPLAY_MESSAGES.toLocaleString('en-US')}.`);
  }
  const target = input.target.partition;
  if (target === 'same') {
    const highest = Math.max(...runs.map((r) => r.partition), 0);
    if (!(await writer.hasPartition(highest))) {
      throw fieldError(
        'target.partition',
        `Topic "${input.target.topic}" has ${writer.partitionCount} partition${writer.partitionCount === 1 ? '' : 's'}, so partition ${highest} cannot be kept; replay by key or into one partition.`,
      );
    }
  } else if (typeof target === 'number') await writer.assertPartition(target);

  const jobId = input.jobId ?? randomUUID();
  const key = jobKey(clusterId, jobId);
  const job = startJob(key, jobId, total, signal);
  const producedTo = new Map<number, number>();
  const targetPartitions = () => [...producedTo.keys()].map((partition) => ({ topic: input.target.topic, partition }));
  const allTargets = Array.from({ length: writer.partitionCount }, (_, partition) => ({ topic: input.target.topic, partition }));
  try {
    const before = (await listPartitionOffsets(clusterId, allTargets, 'latest')).get(input.target.topic) ?? new Map<number, number>();
    let read = 0;
    for (const run of runs) {
      let next = run.from;
      while (next < run.to && !job.signal.aborted) {
        const chunk: { partition: number; record: RecordInput }[] = [];
        let bytes = 0;
        next = await readForward(
          reader,
          run.partition,
          next,
          run.to,
          (c) => {
            if (run.only && !run.only.has(c.offset)) return true;
            const record: RecordInput = { key: c.key(), value: c.value(), headers: c.headers() };
            if (input.keepTimestamp) record.timestamp = c.timestamp;
            const partition = target === 'same' ? run.partition : target === 'key' ? writer.partitionFor(record.key ?? null) : target;
            chunk.push({ partition, record });
            bytes += (record.key?.length ?? 0) + (record.value?.length ?? 0) + 64;
            return chunk.length < CHUNK_RECORDS && bytes < CHUNK_BYTES;
          },
          { maxBytes: CHUNK_BYTES, signal: job.signal },
        );
        read += chunk.length;
        job.progress.read = read;
        await writeChunk(writer, chunk, producedTo, job.progress);
      }
      if (job.signal.aborted) break;
    }
    const after = (await listPartitionOffsets(clusterId, targetPartitions(), 'latest')).get(input.target.topic) ?? new Map<number, number>();
    const partitions = [...producedTo].sort((a, b) => a[0] - b[0]).map(([partition, produced]) => ({
      partition,
      before: before.get(partition) ?? 0,
      after: after.get(partition) ?? 0,
      produced,
    }));
    const produced = job.progress.produced;
    const cancelled = job.signal.aborted;
    finishJob(key, cancelled ? 'cancelled' : 'done');
    invalidateAfterWrite(clusterId, input.target.topic);
    return {
      jobId,
      sourceTopic: input.topic,
      targetTopic: input.target.topic,
      produced,
      skipped: cancelled ? 0 : Math.max(0, total - read),
      partitions,
      verified: partitions.every((p) => p.after - p.before === p.produced),
      cancelled,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    finishJob(key, 'failed', error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** Produces a chunk in order: consecutive records for the same target partition go as one batch. */
async function writeChunk(
  writer: TopicWriter,
  chunk: { partition: number; record: RecordInput }[],
  producedTo: Map<number, number>,
  progress: { produced: number },
): Promise<void> {
  const limit = await writer.messageLimit();
  let i = 0;
  while (i < chunk.length) {
    const partition = chunk[i].partition;
    const records: RecordInput[] = [];
    let bytes = 128;
    while (i < chunk.length && chunk[i].partition === partition) {
      const r = chunk[i].record;
      const size = (r.key?.length ?? 0) + (r.value?.length ?? 0) + (r.headers ?? []).reduce((n, h) => n + h.key.length + (h.value?.length ?? 0) + 8, 32);
      if (records.length > 0 && bytes + size > limit * 0.9) break;
      records.push(r);
      bytes += size;
      i++;
    }
    await writer.append(partition, await writer.encode(records));
    producedTo.set(partition, (producedTo.get(partition) ?? 0) + records.length);
    progress.produced += records.length;
  }
}

async function plan(reader: TopicReader, input: ValidReplayInput): Promise<SourceRun[]> {
  const source = input.source;
  if (source.mode === 'messages') {
    const byPartition = new Map<number, number[]>();
    for (const m of source.messages) byPartition.set(m.partition, [...(byPartition.get(m.partition) ?? []), m.offset]);
    const partitions = await reader.choose([...byPartition.keys()].sort((a, b) => a - b));
    const ranges = await reader.ranges(partitions);
    const runs: SourceRun[] = [];
    for (const range of ranges) {
      const offsets = [...new Set(byPartition.get(range.partition))].sort((a, b) => a - b);
      for (const o of offsets) {
        const problem = offsetOutOfRange('backward', o, range);
        if (problem) throw fieldError('source.messages', problem);
      }
      for (const o of offsets) {
        const last = runs[runs.length - 1];
        if (last && last.partition === range.partition && o - last.to < GAP) {
          last.to = o + 1;
          last.only!.add(o);
        } else runs.push({ partition: range.partition, from: o, to: o + 1, only: new Set([o]) });
      }
    }
    return runs;
  }
  if (source.mode === 'offsets') {
    await reader.choose([source.partition]);
    if (source.to < source.from) throw fieldError('source.to', 'The last offset must not be before the first');
    const [range] = await reader.ranges([source.partition]);
    for (const [field, offset] of [['source.from', source.from], ['source.to', source.to]] as const) {
      const problem = offsetOutOfRange('backward', offset, range);
      if (problem) throw fieldError(field, problem);
    }
    return [{ partition: source.partition, from: source.from, to: source.to + 1 }];
  }
  const from = parseDateTime(source.from);
  if (typeof from === 'string') throw fieldError('source.from', from);
  const to = parseDateTime(source.to);
  if (typeof to === 'string') throw fieldError('source.to', to);
  if (to < from) throw fieldError('source.to', 'The end of the time range is before its start');
  const ranges = await reader.ranges(await reader.choose(source.partitions ?? 'all'));
  // Inclusive of messages stamped exactly at the end time.
  const [starts, ends] = await Promise.all([reader.offsetsForTime(ranges, from), reader.offsetsForTime(ranges, to + 1)]);
  return ranges
    .map((r) => ({ partition: r.partition, from: starts.get(r.partition)!, to: ends.get(r.partition)! }))
    .filter((r) => r.to > r.from);
}

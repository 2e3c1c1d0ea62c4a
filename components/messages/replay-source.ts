import type { ReplayInput } from '@/lib/api/produce';

// The replay form's source fields turned into the request's source, or the errors to show on
// them; the server checks the same again.

export type SourceMode = 'messages' | 'offsets' | 'time';

export interface SourceFields {
  selection: { partition: number; offset: number }[];
  partition: string;
  from: string;
  to: string;
  fromTime: string;
  toTime: string;
}

export function replaySource(mode: SourceMode, f: SourceFields): { source: ReplayInput['source']; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (mode === 'messages') return { source: { mode, messages: f.selection }, errors };
  if (mode === 'offsets') {
    if (!/^\d+$/.test(f.from)) errors['source.from'] = 'A whole number';
    if (!/^\d+$/.test(f.to)) errors['source.to'] = 'A whole number';
    else if (Number(f.to) < Number(f.from)) errors['source.to'] = 'The last offset must not be before the first';
    return { source: { mode, partition: Number(f.partition), from: Number(f.from), to: Number(f.to) }, errors };
  }
  if (!f.fromTime) errors['source.from'] = 'Enter the start time (YYYY-MM-DD HH:mm:ss)';
  if (!f.toTime) errors['source.to'] = 'Enter the end time (YYYY-MM-DD HH:mm:ss)';
  return { source: { mode, from: f.fromTime, to: f.toTime }, errors };
}

'use client';

import { useState } from 'react';
import { inputValue, parseInput } from '@/lib/format/time';
import { useTimeFormat } from './use-time-format';

/**
 * A date-time typed as the console writes it ("2026-12-03 09:12:33"), in the chosen zone, which is
 * named beside it. The browser's own date picker is not used: it shows the OS locale's format
 * (mm/dd/yyyy, AM/PM), unlike everything else on screen. `onChange` gets ISO (UTC), or "" while
 * the text is empty or not a date-time.
 */
export function DateTimeInput({ value, onChange, testId, label, className = '' }: {
  value: string;
  onChange: (iso: string) => void;
  testId?: string;
  label: string;
  className?: string;
}) {
  const time = useTimeFormat();
  const [text, setText] = useState(() => inputValue(value, time.zone));
  const [zone, setZone] = useState(time.zone);
  // The zone was switched: show the same moment in the new zone.
  if (zone !== time.zone) {
    setZone(time.zone);
    setText(inputValue(value, time.zone));
  }
  const invalid = text.trim() !== '' && parseInput(text, time.zone) === undefined;
  return (
    <span className="inline-flex items-center gap-1">
      <input
        className={`w-52 rounded border bg-white px-2 py-1 font-mono text-sm focus:border-sky-500 focus:outline-none ${invalid ? 'border-red-400' : 'border-slate-300'} ${className}`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const ms = parseInput(e.target.value, time.zone);
          onChange(ms === undefined ? '' : new Date(ms).toISOString());
        }}
        placeholder="YYYY-MM-DD HH:mm:ss"
        aria-label={`${label} (${time.zoneName()})`}
        aria-invalid={invalid || undefined}
        spellCheck={false}
        data-testid={testId}
      />
      <span className="text-xs font-normal text-slate-500" title={time.zone === 'utc' ? 'Coordinated Universal Time' : "This browser's time zone"}>{time.zoneName()}</span>
    </span>
  );
}

'use client';

import { useEffect, useRef, useState } from 'react';

/** Search as you type; the URL (and so the server query) follows after a short pause. */
export function TopicSearch({ value, onChange, placeholder = 'Search topics…', testId = 'topic-search' }: {
  value: string;
  onChange: (q: string) => void;
  placeholder?: string;
  testId?: string;
}) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState({ value, sent: value });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The URL changed by itself (back/forward, a link): show what it says. Our own debounced
  // update coming back is ignored, so fast typing is never overwritten by an older value.
  if (value !== seen.value) {
    setSeen({ value, sent: seen.sent });
    if (value !== seen.sent) setText(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <input
      type="search"
      value={text}
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid={testId}
      data-search
      title="Press / to search"
      onChange={(e) => {
        const q = e.target.value;
        setText(q);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          setSeen((s) => ({ ...s, sent: q }));
          onChange(q);
        }, 150);
      }}
      className="w-72 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500"
    />
  );
}

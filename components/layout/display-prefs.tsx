'use client';

import { applyTheme, THEME_KEY, themeChoices, type ThemeChoice } from '@/lib/prefs/theme';
import { usePref, writePref } from '@/lib/prefs/store';
import { TIME_ZONE_KEY, type TimeZoneChoice } from '@/lib/prefs/time-zone';
import { useTimeZone } from '@/components/ui/use-time-format';

const labels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Theme and time zone, at the foot of the sidebar; both are remembered by this browser. */
export function DisplayPrefs() {
  const theme = usePref(THEME_KEY, themeChoices, 'system');
  const zone = useTimeZone();
  const setTheme = (t: ThemeChoice) => {
    writePref(THEME_KEY, t);
    applyTheme(t);
  };
  return (
    <div className="space-y-2 px-4 text-xs text-slate-400">
      <Segmented label="Theme" options={themeChoices} value={theme} labelOf={(t) => labels[t]} onChange={setTheme} testId="theme" />
      <Segmented label="Times" options={['local', 'utc'] as const} value={zone} labelOf={(z) => (z === 'local' ? 'Local' : 'UTC')} onChange={(z: TimeZoneChoice) => writePref(TIME_ZONE_KEY, z)} testId="time-zone" />
    </div>
  );
}

function Segmented<T extends string>({ label, options, value, labelOf, onChange, testId }: {
  label: string;
  options: readonly T[];
  value: T;
  labelOf: (v: T) => string;
  onChange: (v: T) => void;
  testId: string;
}) {
  return (
    <div role="group" aria-label={label} className="flex items-center justify-between gap-2">
      <span>{label}</span>
      <span className="inline-flex overflow-hidden rounded border border-slate-700">
        {options.map((o) => (
          <button
            key={o}
            type="button"
            aria-pressed={value === o}
            onClick={() => onChange(o)}
            data-testid={`${testId}-${o}`}
            className={`px-1.5 py-0.5 ${value === o ? 'bg-slate-700 text-white' : 'text-slate-400 hover:text-white'}`}
          >
            {labelOf(o)}
          </button>
        ))}
      </span>
    </div>
  );
}

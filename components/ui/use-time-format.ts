'use client';

import { formatClock, formatDateTime, zoneName } from '@/lib/format/time';
import { usePref } from '@/lib/prefs/store';
import { TIME_ZONE_KEY, timeZones, type TimeZoneChoice } from '@/lib/prefs/time-zone';

export function useTimeZone(): TimeZoneChoice {
  // The server cannot know the browser's zone: it (and hydration) render UTC, which is the same
  // everywhere; the browser's choice applies right after.
  return usePref(TIME_ZONE_KEY, timeZones, 'local', 'utc');
}

/** Formatters bound to the chosen zone (local unless the user picked UTC). */
export function useTimeFormat() {
  const zone = useTimeZone();
  return {
    zone,
    dateTime: (ms: number, millis = false) => formatDateTime(ms, zone, { millis }),
    clock: (ms: number) => formatClock(ms, zone),
    zoneName: (ms = Date.now()) => zoneName(ms, zone),
  };
}

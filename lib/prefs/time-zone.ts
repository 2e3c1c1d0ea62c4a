export const TIME_ZONE_KEY = 'console-time-zone';
export const timeZones = ['local', 'utc'] as const;
/** Times show in the browser's zone, or in UTC on request. */
export type TimeZoneChoice = (typeof timeZones)[number];

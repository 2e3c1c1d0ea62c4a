import type { Handler } from './types';

/** Handlers by API key; filled once by ./index so ApiVersions can read it without an import cycle. */
export const registry = new Map<number, Handler<unknown, unknown>>();

export function advertisedVersions(): { apiKey: number; minVersion: number; maxVersion: number }[] {
  return [...registry.entries()]
    .sort(([a], [b]) => a - b)
    .map(([apiKey, h]) => ({ apiKey, minVersion: h.minVersion, maxVersion: h.maxVersion }));
}

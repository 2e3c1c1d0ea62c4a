// How often pages poll and how long data counts as fresh. The server caches cluster reads for
// CLUSTER_CACHE_MS, so polling faster than that gains nothing.
export const POLL_MS = 5_000;
export const STALE_MS = 2_000;
export const CLUSTER_CACHE_MS = 3_000;

// How often pages poll and how long data counts as fresh. The server caches cluster reads for
// CLUSTER_CACHE_MS, so polling faster than that gains nothing.
export const POLL_MS = 5_000;
export const STALE_MS = 2_000;
export const CLUSTER_CACHE_MS = 3_000;

// Data that changes only when someone changes it (and the change invalidates its key) stays
// fresh longer than what polls.
/** The cluster's own settings (name, read-only mode). */
export const CLUSTER_STALE_MS = 60_000;
/** The signed-in user and their roles. */
export const ME_STALE_MS = 60_000;
/** A topic's configs. */
export const CONFIGS_STALE_MS = 30_000;
/** The topic names offered by pickers. */
export const TOPIC_NAMES_STALE_MS = 30_000;
/** The create/settings form's context (brokers, defaults, the topic as it is). */
export const TOPIC_FORM_STALE_MS = 10_000;
/** A page of messages, or one message, does not go stale by itself; the refresh button reads again. */
export const MESSAGES_STALE_MS = Infinity;
/** How often a running replay's progress is read. */
export const REPLAY_POLL_MS = 300;
/**
 * History charts poll at the spacing of their points (the sampler's interval), read from the last
 * answer; before the first answer they use POLL_MS. Kept within these bounds so a tiny interval
 * does not flood the server and a coarse Prometheus step still shows new points.
 */
export const HISTORY_POLL_MIN_MS = 1_000;
export const HISTORY_POLL_MAX_MS = 60_000;

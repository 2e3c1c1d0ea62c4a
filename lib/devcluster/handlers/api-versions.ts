/**
 * ApiVersions (key 18), v0-3. Advertises exactly the handler table's version ranges. A request
 * above v3 gets the v0 form with UNSUPPORTED_VERSION (see apiVersionsFallback), as Kafka answers,
 * so clients like librdkafka retry with a version both sides know.
 */
import { ApiVersions } from '@/lib/protocol/generated';
import type { Writer } from '@/lib/protocol/writer';
import { ErrorCode } from '@/lib/protocol/errors';
import { advertisedVersions } from './table';
import { defineHandler } from './types';

export const apiVersionsHandler = defineHandler({
  codec: ApiVersions,
  minVersion: 0,
  maxVersion: 3,
  handle: () => ({ errorCode: ErrorCode.NONE, apiKeys: advertisedVersions(), throttleTimeMs: 0, supportedFeatures: [], finalizedFeaturesEpoch: -1, finalizedFeatures: [], zkMigrationReady: false }),
});

/** The v0 body of an ApiVersions answer to a version we do not serve. */
export function apiVersionsFallback(w: Writer): void {
  ApiVersions.encodeResponse(w, 0, { errorCode: ErrorCode.UNSUPPORTED_VERSION, apiKeys: advertisedVersions() });
}

/**
 * The registration table: every API the dev cluster serves, by API key. ApiVersions advertises
 * exactly these handlers' version ranges; requests for any other API close the connection.
 */
import { alterConfigsHandler } from './alter-configs';
import { apiVersionsHandler } from './api-versions';
import { createPartitionsHandler } from './create-partitions';
import { createTopicsHandler } from './create-topics';
import { deleteGroupsHandler } from './delete-groups';
import { deleteRecordsHandler } from './delete-records';
import { deleteTopicsHandler } from './delete-topics';
import { describeClusterHandler } from './describe-cluster';
import { describeConfigsHandler } from './describe-configs';
import { describeGroupsHandler } from './describe-groups';
import { describeLogDirsHandler } from './describe-log-dirs';
import { describeQuorumHandler } from './describe-quorum';
import { electLeadersHandler } from './elect-leaders';
import { fetchHandler } from './fetch';
import { findCoordinatorHandler } from './find-coordinator';
import { heartbeatHandler } from './heartbeat';
import { incrementalAlterConfigsHandler } from './incremental-alter-configs';
import { initProducerIdHandler } from './init-producer-id';
import { joinGroupHandler } from './join-group';
import { leaveGroupHandler } from './leave-group';
import { listGroupsHandler } from './list-groups';
import { listOffsetsHandler } from './list-offsets';
import { metadataHandler } from './metadata';
import { offsetCommitHandler } from './offset-commit';
import { offsetDeleteHandler } from './offset-delete';
import { offsetFetchHandler } from './offset-fetch';
import { produceHandler } from './produce';
import { saslAuthenticateHandler } from './sasl-authenticate';
import { saslHandshakeHandler } from './sasl-handshake';
import { syncGroupHandler } from './sync-group';
import { registry } from './table';
import type { Handler } from './types';

const all = [
  produceHandler,
  fetchHandler,
  listOffsetsHandler,
  metadataHandler,
  offsetCommitHandler,
  offsetFetchHandler,
  findCoordinatorHandler,
  joinGroupHandler,
  heartbeatHandler,
  leaveGroupHandler,
  syncGroupHandler,
  describeGroupsHandler,
  listGroupsHandler,
  saslHandshakeHandler,
  apiVersionsHandler,
  createTopicsHandler,
  deleteTopicsHandler,
  deleteRecordsHandler,
  initProducerIdHandler,
  describeConfigsHandler,
  alterConfigsHandler,
  describeLogDirsHandler,
  saslAuthenticateHandler,
  createPartitionsHandler,
  deleteGroupsHandler,
  incrementalAlterConfigsHandler,
  offsetDeleteHandler,
  describeClusterHandler,
  electLeadersHandler,
  describeQuorumHandler,
] as unknown as Handler<unknown, unknown>[];

for (const h of all) {
  if (registry.has(h.codec.apiKey)) throw new Error(`two handlers for API key ${h.codec.apiKey}`);
  registry.set(h.codec.apiKey, h);
}

export const handlerTable: ReadonlyMap<number, Handler<unknown, unknown>> = registry;

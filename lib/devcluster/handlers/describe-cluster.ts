/**
 * DescribeCluster (key 60), v0-1. Cluster id, active controller and the live brokers.
 * Only the broker endpoint type (1) is served; asking for controllers (2) gets
 * UNSUPPORTED_ENDPOINT_TYPE, as a broker answers in Kafka.
 */
import { DescribeCluster } from '@/lib/protocol/generated';
import { ErrorCode } from '@/lib/protocol/errors';
import { defineHandler } from './types';

const BROKERS = 1;
const UNSUPPORTED_ENDPOINT_TYPE = 119;
const AUTH_OPS_UNSET = -2147483648;

export const describeClusterHandler = defineHandler({
  codec: DescribeCluster,
  minVersion: 0,
  maxVersion: 1,
  handle({ cluster }, req) {
    const wrongType = (req.endpointType ?? BROKERS) !== BROKERS;
    const brokers = wrongType
      ? []
      : cluster.liveBrokerIds().sort((a, b) => a - b).map((id) => {
          const b = cluster.brokerInfo(id)!;
          return { brokerId: id, host: b.host, port: b.port, rack: b.rack };
        });
    return {
      throttleTimeMs: 0,
      errorCode: wrongType ? UNSUPPORTED_ENDPOINT_TYPE : ErrorCode.NONE,
      errorMessage: wrongType ? 'The dev cluster only describes broker endpoints' : null,
      endpointType: BROKERS,
      clusterId: cluster.clusterId,
      controllerId: cluster.controllerId(),
      brokers,
      clusterAuthorizedOperations: AUTH_OPS_UNSET,
    };
  },
});

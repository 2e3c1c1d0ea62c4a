/**
 * Error answers for any request: the shape of each API's response with the error code in every
 * error field, like Kafka's AbstractRequest.getErrorResponse. Used for versions a handler does
 * not serve and for failures a handler did not turn into error fields itself.
 */
type Obj = Record<string, unknown>;
type Builder = (req: Obj, code: number) => Obj;

const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const nums = (v: unknown): number[] => (Array.isArray(v) ? (v as number[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const empty = Buffer.alloc(0);

const topicPartitions = (req: Obj, topicsKey: string, partsKey: string, part: (p: Obj, code: number) => Obj) => (code: number) =>
  list(req[topicsKey]).map((t) => ({ name: str(t.name), partitions: list(t[partsKey]).map((p) => part(p, code)) }));

const builders: Record<number, Builder> = {
  0: (req, code) => ({
    responses: list(req.topicData).map((t) => ({
      name: str(t.name),
      partitionResponses: list(t.partitionData).map((p) => ({ index: p.index, errorCode: code, baseOffset: -1 })),
    })),
  }),
  1: (req, code) => ({
    errorCode: code,
    responses: list(req.topics).map((t) => ({
      topic: str(t.topic),
      topicId: t.topicId,
      partitions: list(t.partitions).map((p) => ({ partitionIndex: p.partition, errorCode: code, highWatermark: -1, records: null })),
    })),
  }),
  2: (req, code) => ({ topics: topicPartitions(req, 'topics', 'partitions', (p, c) => ({ partitionIndex: p.partitionIndex, errorCode: c, offset: -1, timestamp: -1 }))(code) }),
  3: (req, code) => ({ brokers: [], topics: list(req.topics).map((t) => ({ errorCode: code, name: t.name ?? null, partitions: [] })) }),
  8: (req, code) => ({ topics: topicPartitions(req, 'topics', 'partitions', (p, c) => ({ partitionIndex: p.partitionIndex, errorCode: c }))(code) }),
  9: (req, code) => ({
    errorCode: code,
    topics: list(req.topics).map((t) => ({ name: str(t.name), partitions: nums(t.partitionIndexes).map((i) => ({ partitionIndex: i, committedOffset: -1, metadata: null, errorCode: code })) })),
    groups: list(req.groups).map((g) => ({ groupId: str(g.groupId), topics: [], errorCode: code })),
  }),
  10: (req, code) => ({
    errorCode: code,
    errorMessage: null,
    nodeId: -1,
    host: '',
    port: -1,
    coordinators: (Array.isArray(req.coordinatorKeys) ? (req.coordinatorKeys as string[]) : []).map((key) => ({ key, nodeId: -1, host: '', port: -1, errorCode: code, errorMessage: null })),
  }),
  11: (_req, code) => ({ errorCode: code, generationId: -1, protocolName: null, leader: '', memberId: '', members: [] }),
  12: (_req, code) => ({ errorCode: code }),
  13: (req, code) => ({ errorCode: code, members: list(req.members).map((m) => ({ memberId: str(m.memberId), groupInstanceId: m.groupInstanceId ?? null, errorCode: code })) }),
  14: (_req, code) => ({ errorCode: code, assignment: empty }),
  15: (req, code) => ({
    groups: (Array.isArray(req.groups) ? (req.groups as string[]) : []).map((groupId) => ({ errorCode: code, groupId, groupState: '', protocolType: '', protocolData: '', members: [] })),
  }),
  16: (_req, code) => ({ errorCode: code, groups: [] }),
  17: (_req, code) => ({ errorCode: code, mechanisms: [] }),
  18: (_req, code) => ({ errorCode: code, apiKeys: [] }),
  19: (req, code) => ({ topics: list(req.topics).map((t) => ({ name: str(t.name), errorCode: code, errorMessage: null })) }),
  20: (req, code) => ({
    responses: [
      ...(Array.isArray(req.topicNames) ? (req.topicNames as string[]) : []).map((name) => ({ name, errorCode: code })),
      ...list(req.topics).map((t) => ({ name: t.name ?? null, topicId: t.topicId, errorCode: code })),
    ],
  }),
  21: (req, code) => ({ throttleTimeMs: 0, topics: topicPartitions(req, 'topics', 'partitions', (p, c) => ({ partitionIndex: p.partitionIndex, lowWatermark: -1, errorCode: c }))(code) }),
  22: (_req, code) => ({ throttleTimeMs: 0, errorCode: code, producerId: -1, producerEpoch: -1 }),
  32: (req, code) => ({
    throttleTimeMs: 0,
    results: list(req.resources).map((r) => ({ errorCode: code, errorMessage: null, resourceType: r.resourceType, resourceName: str(r.resourceName), configs: [] })),
  }),
  33: (req, code) => ({
    throttleTimeMs: 0,
    responses: list(req.resources).map((r) => ({ errorCode: code, errorMessage: null, resourceType: r.resourceType, resourceName: str(r.resourceName) })),
  }),
  35: (_req, code) => ({ throttleTimeMs: 0, errorCode: code, results: [] }),
  36: (_req, code) => ({ errorCode: code, errorMessage: null, authBytes: empty }),
  37: (req, code) => ({ throttleTimeMs: 0, results: list(req.topics).map((t) => ({ name: str(t.name), errorCode: code, errorMessage: null })) }),
  42: (req, code) => ({
    throttleTimeMs: 0,
    results: (Array.isArray(req.groupsNames) ? (req.groupsNames as string[]) : []).map((groupId) => ({ groupId, errorCode: code })),
  }),
  44: (req, code) => ({
    throttleTimeMs: 0,
    responses: list(req.resources).map((r) => ({ errorCode: code, errorMessage: null, resourceType: r.resourceType, resourceName: str(r.resourceName) })),
  }),
  47: (_req, code) => ({ errorCode: code, throttleTimeMs: 0, topics: [] }),
  60: (_req, code) => ({ throttleTimeMs: 0, errorCode: code, errorMessage: null, clusterId: '', controllerId: -1, brokers: [], clusterAuthorizedOperations: -2147483648 }),
};

export function errorResponseFor(apiKey: number, request: unknown, code: number): Obj | null {
  const build = builders[apiKey];
  if (!build) return null;
  return build((request ?? {}) as Obj, code);
}

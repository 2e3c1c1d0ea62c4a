import 'server-only';
import type { BrokerConfigsResult, BrokerConfigScope } from '@/lib/api/broker-configs';
import { badRequest } from '@/lib/api/errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { IncrementalAlterConfigs } from '@/lib/protocol/generated';
import { suggestConfigName } from '@/lib/topics/config-catalog';
import type { ConfigOp } from '@/lib/topics/config-diff';
import { invalidate } from '../cache';
import { cacheKeys } from '../cache-keys';
import { clusterRpc } from '../protocol-pool';
import { readBrokerConfigs, type RawConfig } from '../topics/configs';
import { brokerError, configNameIn } from '../topics/errors';

// Dynamic broker configs through IncrementalAlterConfigs, SET and DELETE only. The broker's own
// DescribeConfigs says which names exist, which are read-only (not dynamically updatable) and
// which are sensitive; each change is checked against it first and problems name the config.
// A per-broker change goes to that broker (ZooKeeper-mode brokers apply only their own); the
// cluster default (resource name "") to any broker.

const BROKER = 4;
const OP_SET = 0;
const OP_DELETE = 1;
const TYPE_INT = 3;
const TYPE_SHORT = 4;
const TYPE_LONG = 5;
const TYPE_DOUBLE = 6;
const TYPE_BOOLEAN = 1;

/** The broker's configs as it describes them (for the checks and the audit's sensitive names). */
export async function brokerConfigState(clusterId: string, brokerId: number): Promise<RawConfig[]> {
  return (await readBrokerConfigs(clusterId, brokerId, { synonyms: false, documentation: false })) ?? [];
}

export async function alterBrokerConfigs(
  clusterId: string,
  brokerId: number,
  scope: BrokerConfigScope,
  ops: ConfigOp[],
  validateOnly: boolean,
  state: RawConfig[],
): Promise<BrokerConfigsResult> {
  checkOps(ops, state);
  const rpc = await clusterRpc(clusterId);
  const request = {
    resources: [
      {
        resourceType: BROKER,
        resourceName: scope === 'broker' ? String(brokerId) : '',
        configs: ops.map((op) => ({ name: op.name, configOperation: op.op === 'set' ? OP_SET : OP_DELETE, value: op.op === 'set' ? op.value : null })),
      },
    ],
    validateOnly,
  };
  const response = scope === 'broker' ? await rpc.broker(brokerId, IncrementalAlterConfigs, request) : await rpc.any(IncrementalAlterConfigs, request);
  const result = response.responses[0];
  if (!result) throw brokerError(ErrorCode.UNKNOWN_SERVER_ERROR, 'The broker answered without a result.');
  if (result.errorCode !== ErrorCode.NONE) {
    const named = configNameIn(result.errorMessage, ops.map((o) => o.name));
    throw brokerError(result.errorCode, result.errorMessage, named ? `${opField(ops, named)}` : 'set');
  }
  if (!validateOnly) invalidate(cacheKeys.cluster(clusterId));
  return { broker: brokerId, scope, validateOnly, operations: ops };
}

function opField(ops: readonly ConfigOp[], name: string): string {
  return ops.find((o) => o.name === name)?.op === 'delete' ? 'reset' : `set.${name}`;
}

function checkOps(ops: readonly ConfigOp[], state: RawConfig[]): void {
  const byName = new Map(state.map((c) => [c.name, c]));
  const errors: Record<string, string> = {};
  for (const op of ops) {
    const field = op.op === 'set' ? `set.${op.name}` : 'reset';
    const config = byName.get(op.name);
    if (!config) {
      const hint = suggestConfigName(op.name, new Set(byName.keys()));
      errors[field] = `"${op.name}" is not a config this broker knows${hint ? ` (did you mean "${hint}"?)` : ''}.`;
    } else if (config.readOnly) {
      errors[field] = `${op.name} cannot be changed while the broker runs: it is read in server.properties at start.`;
    } else if (op.op === 'set') {
      const problem = typeProblem(op.value.trim(), config.configType ?? 0);
      if (problem) errors[field] = `${op.name}: ${problem}`;
    }
  }
  const problems = Object.entries(errors);
  if (problems.length > 0) throw badRequest(`${problems[0][0]}: ${problems[0][1]}`, { fields: errors });
}

/** What is wrong with a value for the broker-reported type (null if nothing); the broker checks ranges. */
export function typeProblem(value: string, type: number): string | null {
  if (value === '') return 'a value is required (reset the config to remove it)';
  if ((type === TYPE_INT || type === TYPE_SHORT || type === TYPE_LONG) && !/^-?\d+$/.test(value)) return 'must be a whole number';
  if (type === TYPE_INT && Math.abs(Number(value)) > 2 ** 31) return 'must fit in 32 bits';
  if (type === TYPE_DOUBLE && !Number.isFinite(Number(value))) return 'must be a number';
  if (type === TYPE_BOOLEAN && value !== 'true' && value !== 'false') return 'must be true or false';
  return null;
}

/**
 * Command line entry: `npm run devcluster -- [flags]`. Prints the bootstrap string, then reads
 * fault commands on stdin (see --help).
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { DevCluster } from './cluster';
import { startDevCluster } from './index';
import { parseUsersFlag } from './options';

const HELP = `Usage: npm run devcluster -- [options]

Starts an embedded Kafka-compatible cluster speaking the Kafka wire protocol.

Options:
  --brokers N        number of brokers, ids 1..N (default 3)
  --port P           port of broker 1; broker N uses P+N-1 (default 9092; 0 = random ports)
  --host H           address to bind and advertise (default 127.0.0.1)
  --data-dir DIR     keep topics, configs, logs and committed offsets in DIR (default: memory)
  --demo             seed demo topics, producers and consumer groups
  --users LIST       require SASL (PLAIN, SCRAM-SHA-256/512): user:password,user2:password2
  --schema-registry P
                     also serve a Schema Registry REST API on port P (0 = random), schemas kept
                     in the _schemas topic; its URL is printed on stderr
  --auto-create      create unknown topics on first use (auto.create.topics.enable=true)
  --config K=V       static broker config, repeatable (e.g. --config num.partitions=3)
  -h, --help         show this help

Commands on stdin while running:
  stop <id>                         stop broker <id>: its port closes, leaders move, it leaves the ISR
  start <id>                        restart broker <id>: it catches up and rejoins the ISR
  lag <topic> <partition> <id>      hold follower <id> back (it leaves the ISR after replica.lag.time.max.ms)
  unlag <topic> <partition> <id>    let it catch up again
  status                            brokers, controller, offline and under-replicated partitions
  quit                              shut down (also Ctrl-C)
`;

function status(cluster: DevCluster): string {
  const lines = [`cluster ${cluster.clusterId}, controller ${cluster.controllerId()}`];
  for (const b of cluster.brokers.values()) lines.push(`  broker ${b.info.nodeId} ${b.info.host}:${b.info.port} ${b.live ? 'up' : 'DOWN'}`);
  let offline = 0;
  let under = 0;
  for (const t of cluster.topics.values()) {
    for (const p of t.partitions) {
      if (p.offline) offline++;
      else if (p.isr.length < p.replicas.length) under++;
    }
  }
  lines.push(`  ${cluster.topics.size} topics, ${offline} offline partitions, ${under} under-replicated partitions`);
  return lines.join('\n');
}

async function command(cluster: DevCluster, line: string): Promise<string | null> {
  const [cmd, ...args] = line.trim().split(/\s+/);
  const id = Number(args[0]);
  switch (cmd) {
    case '':
      return null;
    case 'stop':
      await cluster.stopBroker(id);
      return `broker ${id} stopped`;
    case 'start':
      await cluster.startBroker(id);
      return `broker ${id} started`;
    case 'lag':
    case 'unlag':
      cluster.setFollowerLag(args[0], Number(args[1]), Number(args[2]), cmd === 'lag');
      return `${args[0]}-${args[1]} follower ${args[2]} ${cmd === 'lag' ? 'lagging' : 'catching up'}`;
    case 'status':
      return status(cluster);
    case 'quit':
    case 'exit':
      await cluster.close();
      process.exit(0);
      return null;
    default:
      return `unknown command "${cmd}" (stop <id>, start <id>, lag|unlag <topic> <partition> <id>, status, quit)`;
  }
}

function registryPort(flag: string): number {
  const port = Number(flag);
  if (!/^\d+$/.test(flag) || port > 65535) throw new Error(`--schema-registry expects a port (0-65535), got "${flag}"`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      brokers: { type: 'string', default: '3' },
      port: { type: 'string', default: '9092' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      users: { type: 'string' },
      'auto-create': { type: 'boolean', default: false },
      'schema-registry': { type: 'string' },
      config: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const brokerConfigs: Record<string, string> = {};
  for (const kv of values.config ?? []) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new Error(`--config expects key=value, got "${kv}"`);
    brokerConfigs[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const cluster = await startDevCluster({
    brokers: Number(values.brokers),
    basePort: Number(values.port),
    host: values.host,
    dataDir: values['data-dir'],
    demo: values.demo,
    users: values.users ? parseUsersFlag(values.users) : undefined,
    autoCreateTopics: values['auto-create'],
    brokerConfigs,
    schemaRegistry: values['schema-registry'] !== undefined ? { port: registryPort(values['schema-registry']) } : undefined,
  });
  console.log(cluster.bootstrapServers.join(','));
  console.error(`devcluster ${cluster.clusterId}: ${cluster.brokers.size} brokers${values['data-dir'] ? `, data in ${values['data-dir']}` : ', in memory'}. Type "help" for commands.`);
  if (cluster.schemaRegistryUrl) console.error(`schema registry at ${cluster.schemaRegistryUrl}`);

  const shutdown = () => {
    void cluster.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // A dev cluster outlives a bug in one request or timer: log it and keep serving.
  process.on('uncaughtException', (err) => console.error('[devcluster] uncaught exception', err));
  process.on('unhandledRejection', (err) => console.error('[devcluster] unhandled rejection', err));

  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    if (line.trim() === 'help') {
      console.error(HELP);
      return;
    }
    command(cluster, line).then(
      (msg) => msg && console.error(msg),
      (err: Error) => console.error(`error: ${err.message}`),
    );
  });
}

main().catch((err: Error) => {
  console.error(`devcluster: ${err.message}`);
  process.exit(1);
});

/**
 * Generates typed Kafka protocol codecs from the JSON message definitions in
 * lib/protocol/schemas/ for an allowlist of APIs.
 *
 *   npx tsx scripts/generate-protocol.ts [--out <dir>]
 *
 * One file per API (request + response) or data type goes to
 * lib/protocol/generated/, plus index.ts. Output depends only on the schema
 * files, so re-running it must produce identical bytes (a unit test checks).
 *
 * scripts/protocol-gen/ holds the parts: the schema model (model.ts), a field's
 * expressions (expressions.ts), a struct's interface and codec (structs.ts) and
 * a file's layout (files.ts).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SCHEMA_DIR, loadSchema } from './protocol-schema';
import { buildMessage } from './protocol-gen/model';
import { Emitter } from './protocol-gen/expressions';
import { generateApi, generateData, HEADER, kebab } from './protocol-gen/files';

const API_ALLOWLIST = [
  'ApiVersions', 'Metadata', 'Produce', 'Fetch', 'ListOffsets', 'FindCoordinator', 'JoinGroup', 'SyncGroup',
  'Heartbeat', 'LeaveGroup', 'OffsetCommit', 'OffsetFetch', 'ListGroups', 'DescribeGroups', 'DeleteGroups',
  'OffsetDelete', 'CreateTopics', 'DeleteTopics', 'CreatePartitions', 'DescribeConfigs', 'AlterConfigs',
  'IncrementalAlterConfigs', 'DeleteRecords', 'DescribeLogDirs', 'DescribeCluster', 'InitProducerId',
  'SaslHandshake', 'SaslAuthenticate',
  // Cluster operations: leader election, reassignment, ACLs, quotas, SCRAM users, the KRaft quorum.
  'ElectLeaders', 'AlterPartitionReassignments', 'ListPartitionReassignments', 'DescribeAcls', 'CreateAcls',
  'DeleteAcls', 'DescribeClientQuotas', 'AlterClientQuotas', 'DescribeUserScramCredentials',
  'AlterUserScramCredentials', 'DescribeQuorum',
] as const;

const DATA_ALLOWLIST = ['RequestHeader', 'ResponseHeader', 'ConsumerProtocolSubscription', 'ConsumerProtocolAssignment'] as const;

/** Returns generated file name -> contents. */
function generateProtocol(schemaDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const apis: { name: string; file: string; apiKey: number }[] = [];
  for (const name of API_ALLOWLIST) {
    const req = buildMessage(loadSchema(`${name}Request`, schemaDir));
    const res = buildMessage(loadSchema(`${name}Response`, schemaDir));
    const file = kebab(name);
    files.set(`${file}.ts`, generateApi(name, req, res));
    apis.push({ name, file, apiKey: req.spec.apiKey ?? -1 });
  }
  const data: string[] = [];
  for (const name of DATA_ALLOWLIST) {
    const file = kebab(name);
    files.set(`${file}.ts`, generateData(buildMessage(loadSchema(name, schemaDir))));
    data.push(file);
  }
  const byKey = [...apis].sort((a, b) => a.apiKey - b.apiKey);
  const index = new Emitter();
  index.line(HEADER);
  index.line("import type { ApiCodec } from '../api-codec';");
  for (const a of [...apis].sort((x, y) => x.file.localeCompare(y.file))) index.line(`import { ${a.name} } from './${a.file}';`);
  index.line();
  for (const f of [...apis.map((a) => a.file), ...data].sort()) index.line(`export * from './${f}';`);
  index.line();
  index.line('/** Every generated API codec by API key. */');
  index.line('export const apiCodecsByKey: Map<number, ApiCodec<unknown, unknown>> = new Map<number, ApiCodec<unknown, unknown>>([');
  for (const a of byKey) index.line(`  [${a.apiKey}, ${a.name}],`);
  index.line(']);');
  files.set('index.ts', index.toString());
  return files;
}

function writeGenerated(files: Map<string, string>, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const existing of readdirSync(outDir)) {
    if (existing.endsWith('.ts') && !files.has(existing)) rmSync(path.join(outDir, existing));
  }
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    writeFileSync(path.join(outDir, name), text);
  }
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outFlag = process.argv.indexOf('--out');
  const outDir = outFlag >= 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(root, 'lib/protocol/generated');
  const files = generateProtocol(SCHEMA_DIR);
  writeGenerated(files, outDir);
  console.log(`generated ${files.size} files in ${path.relative(process.cwd(), outDir) || '.'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();

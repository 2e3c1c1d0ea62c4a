import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The dev cluster's own command (one broker and its Schema Registry), in a process of its own: its bootstrap on stdout, its registry's address on stderr. */
export function startRegistryCluster(): Promise<{ child: ChildProcess; bootstrapServers: string[]; schemaRegistryUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'lib/devcluster/cli.ts'), '--port', '0', '--brokers', '1', '--schema-registry', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const bootstrap = new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim())));
  const registryUrl = new Promise<string>((resolve) =>
    createInterface({ input: child.stderr! }).on('line', (line) => {
      const m = /schema registry at (\S+)/.exec(line);
      if (m) resolve(m[1]);
    }),
  );
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`devcluster exited with ${code}`))));
  return Promise.race([Promise.all([bootstrap, registryUrl]), exited]).then(([b, r]) => ({ child, bootstrapServers: b.split(','), schemaRegistryUrl: r }));
}

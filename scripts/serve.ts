import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import next from 'next';
import { ConfigError, loadConfig } from '@/lib/config/load';
import { ensureBuild } from './ensure-build';
import { bindRefusal, isLoopbackHost, setBindHost } from '@/lib/server/binding';
import { PEER_HEADER, setPeerSecret } from '@/lib/server/peer';

// The console's server: Next.js behind a plain Node HTTP server, so the console decides where it
// listens (loopback unless told otherwise), refuses to listen beyond loopback without sign-in,
// and knows each request's real peer address for the audit log.
//   tsx scripts/serve.ts [--hostname HOST] [--port PORT] [--dev] [--build]
// --build (what `npm start` passes) builds first when the sources changed since the last build.

interface Options {
  hostname: string;
  port: number;
  dev: boolean;
  build: boolean;
}

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Options {
  const options: Options = { hostname: env.HOST || '127.0.0.1', port: Number(env.PORT) || 3000, dev: false, build: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dev') options.dev = true;
    else if (arg === '--build') options.build = true;
    else if (arg === '-H' || arg === '--hostname') options.hostname = argv[++i] ?? options.hostname;
    else if (arg === '-p' || arg === '--port') options.port = Number(argv[++i]);
    else throw new Error(`Unknown option ${arg}. Usage: serve [--hostname HOST] [--port PORT] [--dev] [--build]`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port must be 0-65535');
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2), process.env);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(1);
  }
  const refusal = bindRefusal(options.hostname, config.auth);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  warnAbout(options, config.auth);
  if (options.build && !options.dev) await ensureBuild();
  setBindHost(options.hostname);
  const secret = randomBytes(18).toString('base64url');
  setPeerSecret(secret);

  const app = next({ dev: options.dev, hostname: options.hostname, port: options.port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    // Whatever a client sent under this name is dropped; only the socket's own address is passed on.
    req.headers[PEER_HEADER] = `${secret} ${req.socket.remoteAddress ?? 'unknown'}`;
    void handle(req, res);
  });
  server.listen(options.port, options.hostname, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const shown = options.hostname.includes(':') ? `[${options.hostname}]` : options.hostname;
    console.log(`[console] ready on http://${shown}:${port}`);
  });
}

function warnAbout(options: Options, auth: ReturnType<typeof loadConfig>['auth']) {
  if (auth.mode === 'none' && !isLoopbackHost(options.hostname)) {
    const line = '!'.repeat(78);
    console.warn(`${line}\n[console] WARNING: listening on ${options.hostname} with CONSOLE_AUTH=none: no sign-in, everyone is admin.\n${line}`);
  }
  if (auth.mode === 'sign-in' && !auth.sessionSecret) {
    console.warn('[console] no session secret configured (CONSOLE_SESSION_SECRET): sessions end when the console restarts, and replicas cannot share them.');
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});

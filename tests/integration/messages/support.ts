import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { startConsoleUnderTest, type ConsoleUnderTest } from '@/tests/support/console';

// The messages route tests: the console under test (devcluster "main", unreachable "down",
// read-only "locked"), and a kafkajs client to set data up and check what reached Kafka.

export const KCAT = '/usr/bin/kcat';
export const hasKcat = existsSync(KCAT);

export interface MessagesTest {
  console: ConsoleUnderTest;
  kafka: Kafka;
  admin: Admin;
  producer: Producer;
  bootstrap: string;
  close(): Promise<void>;
}

export async function startMessagesTest(options: Parameters<typeof startConsoleUnderTest>[0] = {}): Promise<MessagesTest> {
  const consoleUnderTest = await startConsoleUnderTest(options);
  const kafka = new Kafka({ clientId: 'messages-test', brokers: consoleUnderTest.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  return {
    console: consoleUnderTest,
    kafka,
    admin,
    producer,
    bootstrap: consoleUnderTest.brokers.join(','),
    close: async () => {
      await producer.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
      await consoleUnderTest.close();
    },
  };
}

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler and returns the raw Response (for streams and downloads). */
export function callRaw(
  handler: Handler,
  params: Record<string, string>,
  options: { query?: Record<string, string>; signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<Response> {
  const url = new URL('http://127.0.0.1:3000/api');
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  return handler(new Request(url, { signal: options.signal, headers: options.headers }), { params: Promise.resolve(params) });
}

/** Reads an NDJSON body to its end. */
export async function readNdjson<T>(response: Response): Promise<T[]> {
  const text = await response.text();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

/** Server-sent events as they come; `next(until)` reads until the check holds (or the stream ends). */
export function sseReader<T>(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: T[] = [];
  let buffer = '';
  return {
    events,
    async next(until: (events: T[]) => boolean, timeoutMs = 15_000): Promise<T[]> {
      const deadline = Date.now() + timeoutMs;
      while (!until(events)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching events within ${timeoutMs} ms (got ${events.length})`);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<{ done: false; value: undefined }>((resolve) => (timer = setTimeout(() => resolve({ done: false, value: undefined }), left)));
        const chunk = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
        if (chunk.done) break;
        if (!chunk.value) continue;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data) events.push(JSON.parse(data) as T);
        }
      }
      return events;
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

/** Reads server-sent events until `until` says stop (or the stream ends); returns them. */
export async function readSse<T>(response: Response, until: (events: T[]) => boolean, timeoutMs = 10_000): Promise<T[]> {
  const reader = sseReader<T>(response);
  try {
    return await reader.next(until, timeoutMs);
  } finally {
    await reader.cancel();
  }
}

export function kcat(args: string[], input?: string | Buffer, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(KCAT, args, { encoding: 'buffer', timeout: timeoutMs, maxBuffer: 512 * 1024 * 1024 }, (err, out, errOut) => {
      if (err) reject(new Error(`kcat ${args.join(' ')} failed: ${errOut.toString() || err.message}`));
      else resolve(out.toString('utf8'));
    });
    child.stdin?.end(input ?? '');
  });
}

import { callRoute } from '@/tests/support/console';

// Run as a separate process by audit.test.ts: a console that just started reads the audit log
// another process wrote, through the same route the audit page uses.
async function main() {
  const { GET } = await import('@/app/api/clusters/[cluster]/audit/route');
  const { status, body } = await callRoute(GET, { cluster: process.argv[2] ?? 'main' }, { query: { limit: '500' } });
  process.stdout.write(JSON.stringify({ status, body }));
}

void main();

import { electionExecute } from '@/lib/api/leader-election';
import { runElection } from '@/lib/kafka/cluster/leader-election';
import { mutation } from '@/lib/server/mutation';
import { parseBody } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

// The preview's body plus `confirm: true`: moves leadership of the eligible partitions in the
// scope to their preferred replica (ElectLeaders, PREFERRED).
export const POST = mutation<{ cluster: string }>('cluster:edit', 'cluster.leaders.elect', async ({ params, request, principal, audit }) => {
  const { confirm: _confirm, ...scope } = await parseBody(request, electionExecute);
  audit.parameters = scope;
  const result = await runElection(params.cluster, scope, visibilityFor(principal.access, params.cluster)?.topic);
  audit.parameters = { ...scope, elected: result.elected.length, failed: result.failed.length, notNeeded: result.notNeeded };
  return result;
});

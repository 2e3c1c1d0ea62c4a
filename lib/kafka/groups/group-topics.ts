import 'server-only';
import { setGroupTopicsLoader } from '@/lib/server/route';
import { groupTopics } from '@/lib/kafka/visibility';
import type { RawGroup } from './types';

// Roles limited to some topics see the groups that read them: the route wrapper asks this, for a
// route with a group in its path, which topics the group reads. A group that cannot be read (or
// does not exist) reads nothing, so such a caller is refused rather than told it is missing.

export function registerGroupTopics(read: (clusterId: string, groupId: string) => Promise<{ group: RawGroup }>): void {
  setGroupTopicsLoader(async (clusterId, groupId) => groupTopics((await read(clusterId, groupId)).group));
}

import { getTopicDetail } from '@/lib/kafka/topics';
import { topicGet } from '@/lib/server/topic-route';

export const dynamic = 'force-dynamic';

export const GET = topicGet(getTopicDetail);
export { DELETE } from '@/lib/server/handlers/topic-delete';

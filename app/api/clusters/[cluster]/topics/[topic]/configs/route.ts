import { getTopicConfigs } from '@/lib/kafka/configs';
import { topicGet } from '@/lib/server/topic-route';

export const dynamic = 'force-dynamic';

export const GET = topicGet(getTopicConfigs);
export { PATCH, PUT } from '@/lib/server/handlers/topic-configs';

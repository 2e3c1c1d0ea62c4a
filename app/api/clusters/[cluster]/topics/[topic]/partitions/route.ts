export const dynamic = 'force-dynamic';

export { POST } from '@/lib/server/handlers/topic-partitions';

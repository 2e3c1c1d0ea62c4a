export const dynamic = 'force-dynamic';

export { DELETE } from '@/lib/server/handlers/topic-records';

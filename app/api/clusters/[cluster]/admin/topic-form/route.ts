export const dynamic = 'force-dynamic';

export { GET } from '@/lib/server/handlers/topic-form';

import type { Admin, Kafka } from 'kafkajs';

/** Runs `fn` with a connected kafkajs admin client, the tests' independent view of the cluster. */
export async function withAdmin<T>(kafka: Kafka, fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

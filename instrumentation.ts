// Runs once when the server starts: load the configuration (failing fast on a bad one) and, with
// nothing configured, start the embedded demo cluster before the first page asks for it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { appConfig } = await import('@/lib/kafka/clusters');
  try {
    const config = await appConfig();
    console.log(`[console] clusters: ${config.clusters.map((c) => `${c.id} (${c.bootstrapServers.join(',')})`).join('; ')}`);
  } catch (error) {
    console.error(String((error as Error).message ?? error));
    process.exit(1);
  }
}

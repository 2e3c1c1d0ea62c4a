import 'server-only';
import { appConfig } from '@/lib/kafka/clusters';

/**
 * Loads the configuration, failing fast with every problem listed, and with nothing configured
 * starts the embedded demo cluster before the first page asks for it.
 */
export async function startConsole(): Promise<void> {
  try {
    const config = await appConfig();
    const clusters = config.clusters.map((c) => `${c.id} (${c.bootstrapServers.join(',')})`).join('; ');
    console.log(`[console] clusters: ${clusters}${config.readOnly ? ' — read-only' : ''}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

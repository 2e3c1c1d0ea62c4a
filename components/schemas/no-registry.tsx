/** What a cluster without a Schema Registry shows, and how to give it one. */
export function NoRegistry({ cluster }: { cluster: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm" data-testid="no-registry">
      <p className="font-semibold">No Schema Registry is configured for cluster {cluster}.</p>
      <p className="mt-1">
        Add <code className="rounded bg-slate-100 px-1">schemaRegistry: {'{'} url: http://registry:8081 {'}'}</code> to the cluster in the console&apos;s YAML
        configuration, or set <code className="rounded bg-slate-100 px-1">KAFKA_SCHEMA_REGISTRY_URL</code> for a cluster configured from the environment, then restart the console.
      </p>
    </div>
  );
}

import type { Payload, PayloadSchema } from '@/lib/api/messages';

const TYPE_LABEL: Record<PayloadSchema['type'], string> = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON Schema' };

/** "Avro · orders-value v3 · id 7": what the server decoded a payload with. */
export function schemaLabel(s: PayloadSchema): string {
  return [TYPE_LABEL[s.type], s.subject ? `${s.subject}${s.version ? ` v${s.version}` : ''}` : undefined, `id ${s.id}`].filter(Boolean).join(' · ');
}

/** The schema a payload was decoded with, and why it was not (or does not validate) when so. */
export function SchemaNote({ payload }: { payload: Payload }) {
  if (!payload.schema && !payload.schemaError) return null;
  return (
    <div className="mb-1 flex flex-wrap items-center gap-2 text-xs">
      {payload.schema && (
        <span className="rounded bg-violet-100 px-1.5 py-0.5 font-medium text-violet-800" data-testid="schema-badge">
          {schemaLabel(payload.schema)}
        </span>
      )}
      {payload.schemaError && (
        <span className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-800" data-testid="schema-error">
          Not decoded: {payload.schemaError}
        </span>
      )}
      {payload.schemaWarning && (
        <span className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-800" data-testid="schema-warning">
          {payload.schemaWarning}
        </span>
      )}
    </div>
  );
}

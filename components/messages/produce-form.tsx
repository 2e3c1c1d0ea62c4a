'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '@/lib/api/errors';
import { writableCompressions, type ProduceResult } from '@/lib/api/produce';
import { useProduce, useTopicNames } from '@/lib/queries/messages';
import { topicDetailQuery } from '@/lib/queries/topics';
import { HeadersEditor, type HeaderDraft } from './headers-editor';
import { Field } from './position-fields';
import { ProduceKeyField } from './produce-key-field';
import { ProduceResults } from './produce-results';
import { ProduceSchemaSelect } from './produce-schema-select';
import { ProduceValueField } from './produce-value-field';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-500 focus:outline-none';
const fieldError = (errors: Record<string, string>, field: string) =>
  errors[field] ? <span className="font-normal text-red-700" role="alert" data-testid={`produce-error-${field}`}>{errors[field]}</span> : null;

/** The form that produces one message: to a chosen topic, or to `topic` when given. */
export function ProduceForm({ cluster, topic: fixedTopic, initialTopic, partitionCount, disabled }: {
  cluster: string;
  topic?: string;
  initialTopic?: string;
  partitionCount?: number;
  disabled: boolean;
}) {
  const [topic, setTopic] = useState(fixedTopic ?? initialTopic ?? '');
  const [partition, setPartition] = useState('auto');
  const [key, setKey] = useState('');
  const [keyNull, setKeyNull] = useState(false);
  const [value, setValue] = useState('');
  const [valueFormat, setValueFormat] = useState<'text' | 'json'>('json');
  const [tombstone, setTombstone] = useState(false);
  const [headers, setHeaders] = useState<HeaderDraft[]>([]);
  const [keySubject, setKeySubject] = useState('');
  const [valueSubject, setValueSubject] = useState('');
  const [compression, setCompression] = useState<(typeof writableCompressions)[number]>('none');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [results, setResults] = useState<ProduceResult[]>([]);
  const names = useTopicNames(cluster);
  const produce = useProduce(cluster);
  // The typed topic is looked up once typing pauses: its partitions fill the partition picker.
  const [lookup, setLookup] = useState(fixedTopic ?? initialTopic ?? '');
  useEffect(() => {
    const timer = setTimeout(() => setLookup(topic), 300);
    return () => clearTimeout(timer);
  }, [topic]);
  const detail = useQuery({ ...topicDetailQuery(cluster, lookup), enabled: partitionCount === undefined && lookup !== '' });
  const partitions = partitionCount ?? detail.data?.partitions.length;
  const unknownTopic = detail.error instanceof ApiError && detail.error.status === 404 && lookup === topic;

  const check = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!topic.trim()) e.topic = 'Choose a topic';
    if (!tombstone && valueFormat === 'json' && value.trim() === '') {
      e.value = 'An empty value is not JSON. Tick "send as tombstone (null value)", or choose Text to send an empty string.';
    } else if (!tombstone && valueFormat === 'json') {
      try {
        JSON.parse(value);
      } catch (err) {
        e.value = `Not valid JSON: ${(err as Error).message}`;
      }
    }
    headers.forEach((h, i) => {
      if (!h.key.trim()) e[`headers.${i}.key`] = 'Header name is required';
    });
    return e;
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const local = check();
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    produce.mutate(
      {
        topic,
        partition: partition === 'auto' ? null : Number(partition),
        key: keyNull ? null : key,
        value: tombstone ? null : value,
        valueFormat,
        headers: headers.map((h) => ({ key: h.key, value: h.isNull ? null : h.value })),
        compression,
        ...(keySubject ? { keySchema: { subject: keySubject } } : {}),
        ...(valueSubject ? { valueSchema: { subject: valueSubject } } : {}),
      },
      {
        onSuccess: (result) => setResults((r) => [result, ...r].slice(0, 10)),
        onError: (error) => {
          if (error instanceof ApiError) setErrors({ ...error.fieldErrors, ...(Object.keys(error.fieldErrors).length ? {} : { _: error.message }) });
        },
      },
    );
  };

  const prettify = () => {
    try {
      setValue(JSON.stringify(JSON.parse(value), null, 2));
    } catch (err) {
      setErrors({ ...errors, value: `Not valid JSON: ${(err as Error).message}` });
    }
  };

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="produce-form" noValidate>
      <div className="flex flex-wrap gap-4">
        {!fixedTopic && (
          <Field label="Topic">
            <input className={`${input} w-72 font-mono ${errors.topic ? 'border-red-400' : ''}`} list="produce-topics" value={topic} onChange={(e) => setTopic(e.target.value.trim())} placeholder="topic name" data-testid="produce-topic" />
            <datalist id="produce-topics">
              {names.data?.map((t) => <option key={t.name} value={t.name} />)}
            </datalist>
            {fieldError(errors, 'topic')}
            {!errors.topic && unknownTopic && <span className="font-normal text-amber-700" data-testid="produce-unknown-topic">No topic named &quot;{topic}&quot; in this cluster.</span>}
          </Field>
        )}
        <Field label="Partition">
          <select className={input} value={partition} onChange={(e) => setPartition(e.target.value)} data-testid="produce-partition">
            <option value="auto">Automatic (by key)</option>
            {Array.from({ length: partitions ?? 0 }, (_, p) => (
              <option key={p} value={p}>{p}</option>
            ))}
          </select>
          {fieldError(errors, 'partition')}
        </Field>
        <Field label="Compression">
          <select className={input} value={compression} onChange={(e) => setCompression(e.target.value as typeof compression)} data-testid="produce-compression">
            {writableCompressions.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </Field>
      </div>
      <ProduceKeyField value={key} isNull={keyNull} onValue={setKey} onNull={setKeyNull} />
      <ProduceValueField value={value} format={valueFormat} tombstone={tombstone} error={errors.value} onValue={setValue} onFormat={setValueFormat} onTombstone={setTombstone} onPrettify={prettify} />
      <div className="flex flex-wrap gap-4">
        <ProduceSchemaSelect cluster={cluster} topic={topic} role="value" subject={valueSubject} errors={errors} onSubject={setValueSubject} />
        <ProduceSchemaSelect cluster={cluster} topic={topic} role="key" subject={keySubject} errors={errors} onSubject={setKeySubject} />
      </div>
      <Field label="Headers">
        <HeadersEditor headers={headers} onChange={setHeaders} errors={errors} />
      </Field>
      {errors._ && <p className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert" data-testid="produce-error">{errors._}</p>}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={disabled || produce.isPending} className="rounded bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50" data-testid="produce-submit">
          {produce.isPending ? 'Producing…' : 'Produce'}
        </button>
        <span className="text-xs text-slate-500" data-testid="produce-sends">
          Sends key {keyNull ? 'null' : key === '' ? 'empty string (0 bytes)' : `"${key.length > 40 ? `${key.slice(0, 40)}…` : key}"`}, value {tombstone ? 'null (tombstone)' : value === '' ? (valueFormat === 'json' ? 'not set (empty is not JSON)' : 'empty string (0 bytes)') : valueFormat === 'json' ? 'JSON' : 'text'}.
        </span>
        {tombstone && !keyNull && key === '' && (
          <span className="text-xs text-amber-800" data-testid="produce-tombstone-key-hint">A tombstone deletes the key it carries: enter the key to delete.</span>
        )}
      </div>
      <ProduceResults cluster={cluster} results={results} />
    </form>
  );
}

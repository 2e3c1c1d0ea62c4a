'use client';

import { useSubjects } from '@/lib/queries/schemas';
import { Field } from './position-fields';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-500 focus:outline-none';

/**
 * The registry subject to encode the key or value with (latest version), and the field problems
 * the server found in the value for it. Hidden when the cluster has no registry. The topic's own
 * subject (`<topic>-value`, TopicNameStrategy) comes first when it exists.
 */
export function ProduceSchemaSelect({ cluster, topic, role, subject, errors, onSubject }: {
  cluster: string;
  topic: string;
  role: 'key' | 'value';
  subject: string;
  errors: Record<string, string>;
  onSubject: (subject: string) => void;
}) {
  const subjects = useSubjects(cluster);
  const problems = Object.entries(errors).filter(([path]) => path === `${role}Schema` || path.startsWith(`${role}.`));
  if (!subjects.data?.registry) return null;
  const own = `${topic}-${role}`;
  const names = subjects.data.subjects.map((s) => s.subject);
  const ordered = names.includes(own) ? [own, ...names.filter((n) => n !== own)] : names;
  const label = role === 'key' ? 'Key schema' : 'Value schema';
  return (
    <Field label={label}>
      <select className={`${input} w-72 font-mono`} value={subject} onChange={(e) => onSubject(e.target.value)} data-testid={`produce-${role}-schema`}>
        <option value="">None ({role === 'key' ? 'key' : 'value'} sent as typed)</option>
        {ordered.map((n) => <option key={n} value={n}>{n}{n === own ? ' (this topic)' : ''}</option>)}
      </select>
      {subject && <span className="font-normal text-slate-500">Encoded with the latest version in the Confluent wire format; the {role} must be JSON.</span>}
      {problems.length > 0 && (
        <ul className="font-normal text-red-700" role="alert" data-testid={`produce-${role}-schema-errors`}>
          {problems.map(([path, message]) => (
            <li key={path}><span className="font-mono">{path}</span>: {message}</li>
          ))}
        </ul>
      )}
    </Field>
  );
}

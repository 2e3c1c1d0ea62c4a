'use client';

import Link from 'next/link';
import { useState } from 'react';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { PermissionNotice } from '@/components/ui/permission-notice';
import { ReadOnlyNotice } from '@/components/ui/read-only-notice';
import { TableSkeleton } from '@/components/ui/skeleton';
import type { SchemaVersionRow, SubjectDetail } from '@/lib/api/schemas';
import { ApiError } from '@/lib/api/errors';
import { usePermission } from '@/lib/queries/auth';
import { useSubjectDetail } from '@/lib/queries/schemas';
import { prettySchema } from '@/lib/schemas/diff';
import { CompatibilityControl } from './compatibility-control';
import { DeleteSubject } from './delete-subject';
import { DeleteVersion } from './delete-version';
import { NoRegistry } from './no-registry';
import { RegisterVersion } from './register-version';
import { SchemaDiff } from './schema-diff';

/** One subject: its versions, a diff between two of them, what uses it, and the changes schemas:edit allows. */
export function SubjectView({ cluster, subject }: { cluster: string; subject: string }) {
  const [showDeleted, setShowDeleted] = useState(false);
  const { data, error, isPending, refetch } = useSubjectDetail(cluster, subject, showDeleted);
  const base = `/clusters/${encodeURIComponent(cluster)}/schemas`;
  const noRegistry = error instanceof ApiError && error.status === 404 && /no schema registry/.test(error.message);

  return (
    <div className="space-y-4">
      <BackLink href={base}>Schemas</BackLink>
      <PageHeader
        title={<span data-testid="subject-name">{subject}</span>}
        subtitle={data ? `${data.versions.length} version${data.versions.length === 1 ? '' : 's'} in ${data.registry.url}` : 'Schema Registry subject'}
        actions={
          <label className="flex items-center gap-1.5 text-sm text-slate-600">
            <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} data-testid="show-deleted" />
            Show deleted versions
          </label>
        }
      />
      {isPending ? (
        <TableSkeleton rows={8} />
      ) : noRegistry ? (
        <NoRegistry cluster={cluster} />
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <SubjectBody key={`${data.versions.length}:${showDeleted}`} cluster={cluster} detail={data} onSoftDeleted={() => setShowDeleted(true)} />
      )}
    </div>
  );
}

function SubjectBody({ cluster, detail, onSoftDeleted }: { cluster: string; detail: SubjectDetail; onSoftDeleted: () => void }) {
  const { subject, versions } = detail;
  const latest = versions[versions.length - 1];
  const previous = versions.length > 1 ? versions[versions.length - 2] : latest;
  const [selected, setSelected] = useState(latest.version);
  const [left, setLeft] = useState(previous.version);
  const [right, setRight] = useState(latest.version);
  const edit = usePermission(cluster, 'schemas:edit');
  const byVersion = (v: number) => versions.find((x) => x.version === v) ?? latest;
  const shown = byVersion(selected);
  const allDeleted = versions.every((v) => v.deleted);
  const topicHref = (topic: string) => `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`;

  return (
    <div className="space-y-4">
      <ReadOnlyNotice cluster={cluster} />
      <PermissionNotice permissions={[edit]} />
      <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
        <Card title="Versions">
          <ul className="space-y-1 text-sm" data-testid="versions-list">
            {[...versions].reverse().map((v) => (
              <li key={v.version}>
                <button
                  type="button"
                  onClick={() => setSelected(v.version)}
                  data-testid="version-item"
                  aria-current={v.version === selected}
                  className={`flex w-full items-center justify-between rounded px-2 py-1 text-left ${v.version === selected ? 'bg-sky-50 font-semibold text-sky-800' : 'hover:bg-slate-50'}`}
                >
                  <span>v{v.version} {v.deleted && <Badge tone="danger">deleted</Badge>}</span>
                  <span className="text-xs text-slate-400">id {v.id}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="mt-4 space-y-3 border-t border-slate-100 pt-3">
            <CompatibilityControl cluster={cluster} subject={subject} compatibility={detail.compatibility} permission={edit} />
            <Usage cluster={cluster} detail={detail} topicHref={topicHref} />
          </div>
        </Card>
        <Card title={<>Version {shown.version} <Badge>{shown.schemaType}</Badge></>}>
          <pre className="max-h-[28rem] overflow-auto rounded bg-slate-50 p-3 font-mono text-xs" data-testid="schema-text">{prettySchema(shown.schema)}</pre>
          <References version={shown} />
          {versions.length > 1 && <DeleteVersion key={shown.version} cluster={cluster} subject={subject} version={shown.version} deleted={shown.deleted} permission={edit} />}
        </Card>
      </div>
      {versions.length > 1 && (
        <Card
          title="Compare versions"
          actions={
            <div className="flex items-center gap-2 text-sm">
              <VersionSelect versions={versions} value={left} onChange={setLeft} testId="diff-left" />
              <span className="text-slate-400">→</span>
              <VersionSelect versions={versions} value={right} onChange={setRight} testId="diff-right" />
            </div>
          }
        >
          <SchemaDiff before={byVersion(left).schema} after={byVersion(right).schema} />
        </Card>
      )}
      {!allDeleted && (
        <Card title="Register a new version">
          <RegisterVersion cluster={cluster} subject={subject} latest={latest.schema} schemaType={latest.schemaType} permission={edit} onRegistered={(v) => setSelected(v)} />
        </Card>
      )}
      <Card title={allDeleted ? 'Delete permanently' : 'Delete subject'}>
        <DeleteSubject cluster={cluster} subject={subject} softDeleted={allDeleted} permission={edit} onDeleted={(permanent) => (permanent ? window.location.assign(`/clusters/${encodeURIComponent(cluster)}/schemas`) : onSoftDeleted())} />
      </Card>
    </div>
  );
}

function VersionSelect({ versions, value, onChange, testId }: { versions: SchemaVersionRow[]; value: number; onChange: (v: number) => void; testId: string }) {
  return (
    <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm">
      {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
    </select>
  );
}

function References({ version }: { version: SchemaVersionRow }) {
  if (version.references.length === 0) return null;
  return (
    <div className="mt-3 text-sm" data-testid="references">
      <p className="font-medium text-slate-700">References</p>
      <ul className="mt-1 list-disc pl-5">
        {version.references.map((r) => (
          <li key={r.name}>{r.name} → {r.subject} v{r.version}</li>
        ))}
      </ul>
    </div>
  );
}

function Usage({ cluster, detail, topicHref }: { cluster: string; detail: SubjectDetail; topicHref: (t: string) => string }) {
  const subjectHref = (s: string) => `/clusters/${encodeURIComponent(cluster)}/schemas/${encodeURIComponent(s)}`;
  return (
    <div className="space-y-2 text-sm">
      <div data-testid="subject-topics">
        <p className="text-slate-600">Topics</p>
        {detail.topics.length === 0 ? <p className="text-slate-400">None found</p> : detail.topics.map((t) => (
          <Link key={t} href={topicHref(t)} className="mr-2 text-sky-700 hover:underline">{t}</Link>
        ))}
        <p className="mt-1 text-xs text-slate-400">{detail.usageNote}</p>
      </div>
      <div data-testid="referenced-by">
        <p className="text-slate-600">Referenced by</p>
        {detail.referencedBy.length === 0 ? <p className="text-slate-400">No other schema</p> : (
          <ul>
            {detail.referencedBy.flatMap((r) => r.subjects.map((s) => (
              <li key={`${s.subject}:${s.version}`}><Link href={subjectHref(s.subject)} className="text-sky-700 hover:underline">{s.subject} v{s.version}</Link></li>
            )))}
          </ul>
        )}
      </div>
    </div>
  );
}

'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { EmptyRow, Table, Td, Th, THead, Tr } from '@/components/ui/table';
import { useSubjects } from '@/lib/queries/schemas';
import { NoRegistry } from './no-registry';

/** The registry's subjects with their latest version, filtered as you type. */
export function SubjectsView({ cluster }: { cluster: string }) {
  const { data, error, isPending, refetch } = useSubjects(cluster);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const rows = data?.subjects.filter((s) => !needle || s.subject.toLowerCase().includes(needle) || s.topics.some((t) => t.toLowerCase().includes(needle))) ?? [];
  const subjectHref = (subject: string) => `/clusters/${encodeURIComponent(cluster)}/schemas/${encodeURIComponent(subject)}`;
  const topicHref = (topic: string) => `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`;

  return (
    <div className="space-y-4">
      <PageHeader
        title="Schemas"
        subtitle={data?.registry ? `${data.subjects.length} subject${data.subjects.length === 1 ? '' : 's'} in ${data.registry.url}` : 'Subjects of the cluster’s Schema Registry'}
      />
      {isPending ? (
        <TableSkeleton rows={8} />
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data.registry ? (
        <NoRegistry cluster={cluster} />
      ) : (
        <>
          <input
            type="search"
            data-search
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Filter subjects or topics…"
            data-testid="subjects-filter"
            className="w-72 rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:border-sky-500 focus:outline-none"
          />
          <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
            <Table testId="subjects-table">
              <THead>
                <Th>Subject</Th>
                <Th>Type</Th>
                <Th align="right">Latest version</Th>
                <Th align="right">Versions</Th>
                <Th>Compatibility</Th>
                <Th>Topics</Th>
              </THead>
              <tbody>
                {rows.length === 0 && (
                  <EmptyRow colSpan={6} testId="subjects-empty">
                    {data.subjects.length === 0 ? 'The registry has no subjects yet.' : 'No subject matches the filter.'}
                  </EmptyRow>
                )}
                {rows.map((s) => (
                  <Tr key={s.subject} testId="subject-row">
                    <Td>
                      <Link href={subjectHref(s.subject)} className="font-medium text-sky-700 hover:underline">{s.subject}</Link>
                    </Td>
                    <Td><Badge>{s.schemaType}</Badge></Td>
                    <Td align="right">v{s.latestVersion} <span className="text-xs text-slate-400">id {s.latestId}</span></Td>
                    <Td align="right">{s.versionCount}</Td>
                    <Td>{s.compatibility}</Td>
                    <Td>
                      {s.topics.length === 0 ? <span className="text-slate-400">—</span> : s.topics.map((t) => (
                        <Link key={t} href={topicHref(t)} className="mr-2 text-sky-700 hover:underline">{t}</Link>
                      ))}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </div>
        </>
      )}
    </div>
  );
}

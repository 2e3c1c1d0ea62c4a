import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiPost } from '@/lib/api/fetcher';
import type { CompatibilityVerdict, DeletedVersions, NewSchemaInput, Registered, SubjectDetail, SubjectsAnswer } from '@/lib/api/schemas';
import type { CompatibilityLevel } from '@/lib/schemas/types';
import { clusterKeys } from './clusters';
import { POLL_MS } from './constants';

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}/schemas`;
const subjectPath = (cluster: string, subject: string) => `${base(cluster)}/${encodeURIComponent(subject)}`;

export const schemaKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'schemas'] as const,
  list: (cluster: string) => [...schemaKeys.all(cluster), 'list'] as const,
  subject: (cluster: string, subject: string, deleted: boolean) => [...schemaKeys.all(cluster), 'subject', subject, deleted] as const,
};

export const subjectsQuery = (cluster: string) =>
  queryOptions({
    queryKey: schemaKeys.list(cluster),
    queryFn: () => apiFetch<SubjectsAnswer>(base(cluster)),
    refetchInterval: POLL_MS,
    // A registry that is down answers within its 5 s timeout; retrying would only hold the page.
    retry: false,
  });

export const subjectDetailQuery = (cluster: string, subject: string, deleted: boolean) =>
  queryOptions({
    queryKey: schemaKeys.subject(cluster, subject, deleted),
    queryFn: () => apiFetch<SubjectDetail>(`${subjectPath(cluster, subject)}${deleted ? '?deleted=true' : ''}`),
    refetchInterval: POLL_MS,
    retry: false,
  });

export const useSubjects = (cluster: string) => useQuery(subjectsQuery(cluster));
export const useSubjectDetail = (cluster: string, subject: string, deleted: boolean) => useQuery(subjectDetailQuery(cluster, subject, deleted));

export function useCompatibilityCheck(cluster: string, subject: string) {
  return useMutation({ mutationFn: (schema: NewSchemaInput) => apiPost<CompatibilityVerdict>(`${subjectPath(cluster, subject)}/compatibility-check`, schema) });
}

/** The schema mutations; each refreshes every schema query of the cluster when it succeeds. */
function useSchemaMutation<V, R>(cluster: string, run: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: schemaKeys.all(cluster) }) });
}

export const useRegisterSchema = (cluster: string, subject: string) =>
  useSchemaMutation(cluster, (schema: NewSchemaInput) => apiPost<Registered>(`${subjectPath(cluster, subject)}/versions`, schema));

export const useSetCompatibility = (cluster: string, subject: string) =>
  useSchemaMutation(cluster, (compatibility: CompatibilityLevel | null) => apiPost<unknown>(`${subjectPath(cluster, subject)}/config`, { compatibility }, 'PUT'));

export const useDeleteSubject = (cluster: string, subject: string) =>
  useSchemaMutation(cluster, ({ confirm, permanent }: { confirm: string; permanent: boolean }) =>
    apiPost<DeletedVersions>(`${subjectPath(cluster, subject)}${permanent ? '?permanent=true' : ''}`, { confirm }, 'DELETE'),
  );

export const useDeleteVersion = (cluster: string, subject: string) =>
  useSchemaMutation(cluster, ({ version, confirm, permanent }: { version: number; confirm: string; permanent: boolean }) =>
    apiPost<DeletedVersions>(`${subjectPath(cluster, subject)}/versions/${version}${permanent ? '?permanent=true' : ''}`, { confirm }, 'DELETE'),
  );

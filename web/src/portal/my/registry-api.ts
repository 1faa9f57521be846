import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  MyRegistryView,
  RegistryCheckResult,
  RegistryConflictStatus,
  RegistryConflictSummary,
  RegistryConflictView,
  RegistryDisputeScope,
  RegistryDisputeStatus,
  RegistryDisputeSummary,
  RegistryDisputeView,
  RegistryKind,
  RegistryOverview,
  RegistrySubjectSummary,
  RegistrySubjectView,
} from '@zhengtong/contracts';
import { api } from '../../shared/api/client';

// 人口库/法人库 against server/src/data/registries/routes.ts: the citizen's and enterprise's own record (portal) and the
// staff screens (workbench) share these paths and keys.

export type Page<T> = { items: T[]; total: number };

export const registryKeys = {
  all: ['registries'] as const,
  mine: (reveal: boolean) => ['registries', 'mine', reveal] as const,
  overview: ['registries', 'overview'] as const,
  subjects: (registry: RegistryKind, query: object) => ['registries', 'subjects', registry, query] as const,
  subject: (registry: RegistryKind, id: string, unmask: boolean) => ['registries', 'subject', registry, id, unmask] as const,
  conflicts: (registry: RegistryKind, query: object) => ['registries', 'conflicts', registry, query] as const,
  conflictSummary: (registry: RegistryKind) => ['registries', 'conflict-summary', registry] as const,
  disputes: (query: object) => ['registries', 'disputes', query] as const,
  dispute: (id: string) => ['registries', 'dispute', id] as const,
};

export const registryPaths = {
  mine: '/api/my/registry',
  myDisputes: '/api/my/registry/disputes',
  overview: '/api/registries',
  subjects: (registry: RegistryKind) => `/api/registries/${registry}/subjects`,
  subject: (registry: RegistryKind, id: string) => `/api/registries/${registry}/subjects/${id}`,
  subjectDisputes: (registry: RegistryKind, id: string) => `/api/registries/${registry}/subjects/${id}/disputes`,
  observationsFile: (registry: RegistryKind) => `/api/registries/${registry}/observations/file`,
  conflicts: (registry: RegistryKind) => `/api/registries/${registry}/conflicts`,
  conflictSummary: (registry: RegistryKind) => `/api/registries/${registry}/conflicts/summary`,
  crossCheck: (registry: RegistryKind) => `/api/registries/${registry}/cross-check`,
  disputes: '/api/registry-disputes',
  dispute: (id: string) => `/api/registry-disputes/${id}`,
  decide: (id: string, action: 'correct' | 'reject' | 'withdraw') => `/api/registry-disputes/${id}/${action}`,
};

export function useMyRegistry(reveal: boolean) {
  return useQuery({ queryKey: registryKeys.mine(reveal), queryFn: () => api.get<MyRegistryView>(registryPaths.mine, { reveal }), placeholderData: keepPreviousData });
}

export function useRegistryOverview() {
  return useQuery({ queryKey: registryKeys.overview, queryFn: () => api.get<RegistryOverview>(registryPaths.overview) });
}

export function useSubjects(registry: RegistryKind, query: { key?: string; hasConflicts?: boolean; page: number; pageSize: number }) {
  return useQuery({ queryKey: registryKeys.subjects(registry, query), queryFn: () => api.get<Page<RegistrySubjectSummary>>(registryPaths.subjects(registry), query), placeholderData: keepPreviousData });
}

export function useSubject(registry: RegistryKind, id: string, unmask: boolean) {
  return useQuery({ queryKey: registryKeys.subject(registry, id, unmask), queryFn: () => api.get<RegistrySubjectView>(registryPaths.subject(registry, id), { unmask }) });
}

export function useConflicts(registry: RegistryKind, query: { status: RegistryConflictStatus; fieldKey?: string; source?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: registryKeys.conflicts(registry, query), queryFn: () => api.get<Page<RegistryConflictView>>(registryPaths.conflicts(registry), query), placeholderData: keepPreviousData });
}

export function useConflictSummary(registry: RegistryKind) {
  return useQuery({ queryKey: registryKeys.conflictSummary(registry), queryFn: () => api.get<RegistryConflictSummary>(registryPaths.conflictSummary(registry)) });
}

export function runCrossCheck(registry: RegistryKind) {
  return api.post<RegistryCheckResult>(registryPaths.crossCheck(registry));
}

export function useDisputes(query: { scope: RegistryDisputeScope; status?: RegistryDisputeStatus; isOverdue?: boolean; page: number; pageSize: number }) {
  return useQuery({ queryKey: registryKeys.disputes(query), queryFn: () => api.get<Page<RegistryDisputeSummary>>(registryPaths.disputes, query), placeholderData: keepPreviousData });
}

export function useDispute(id: string) {
  return useQuery({ queryKey: registryKeys.dispute(id), queryFn: () => api.get<RegistryDisputeView>(registryPaths.dispute(id)) });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AggregateBudgetView, AggregateCandidateView, AggregateQueryLogView, AggregateResourceView, MyAggregateBudgetView } from '@zhengtong/contracts';
import { api } from '../../../shared/api/client';

// 可用不可见 against server/src/data/aggregate/routes.ts.

export type Page<T> = { items: T[]; total: number };

export const aggregateKeys = {
  all: ['aggregate'] as const,
  resources: (query: object) => ['aggregate', 'resources', query] as const,
  candidate: (ref: string) => ['aggregate', 'candidate', ref] as const,
  budgets: ['aggregate', 'budgets'] as const,
  myBudget: ['aggregate', 'budgets', 'mine'] as const,
  log: (query: object) => ['aggregate', 'log', query] as const,
};

export const aggregatePaths = {
  resources: '/api/aggregate-resources',
  resource: (resourceId: string) => `/api/aggregate-resources/${resourceId}`,
  candidate: (ref: string) => `/api/aggregate-candidates/${encodeURIComponent(ref)}`,
  queries: '/api/aggregate-queries',
  budgets: '/api/aggregate-budgets',
  myBudget: '/api/aggregate-budgets/mine',
  budget: (departmentId: string) => `/api/aggregate-budgets/${departmentId}`,
};

export function useAggregateResources(query: { includeInactive?: boolean; page?: number; pageSize?: number } = {}) {
  const q = { pageSize: 200, ...query };
  return useQuery({ queryKey: aggregateKeys.resources(q), queryFn: () => api.get<Page<AggregateResourceView>>(aggregatePaths.resources, q) });
}

export function useCandidate(ref: string | null) {
  return useQuery({
    queryKey: aggregateKeys.candidate(ref ?? ''),
    queryFn: () => api.get<AggregateCandidateView>(aggregatePaths.candidate(ref ?? '')),
    enabled: ref !== null && ref !== '',
    retry: false,
  });
}

export function useMyBudget(enabled = true) {
  return useQuery({ queryKey: aggregateKeys.myBudget, queryFn: () => api.get<MyAggregateBudgetView>(aggregatePaths.myBudget), enabled });
}

export function useBudgets() {
  return useQuery({ queryKey: aggregateKeys.budgets, queryFn: () => api.get<{ items: AggregateBudgetView[] }>(aggregatePaths.budgets) });
}

export type LogQuery = { resourceId?: string; outcome?: string; page: number; pageSize: number };

export function useQueryLog(query: LogQuery) {
  return useQuery({ queryKey: aggregateKeys.log(query), queryFn: () => api.get<Page<AggregateQueryLogView>>(aggregatePaths.queries, query), placeholderData: keepPreviousData });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  DataResourceList,
  DemandSatisfaction,
  ExchangeCallView,
  ExchangeChainVerdict,
  ExchangeClientView,
  ExchangeGrantView,
  ExchangeStatistics,
  ShareableResourceView,
  ShareDemandView,
  ShareRequestSummary,
  ShareRequestView,
} from '@zhengtong/contracts';
import { api, type Query } from '../../../shared/api/client';

// 共享交换 against server/src/data/exchange/routes.ts; the resource picker searches the catalogue's own list.

export type Page<T> = { items: T[]; total: number };

export const exchangeKeys = {
  all: ['exchange'] as const,
  requests: (query: object) => ['exchange', 'requests', query] as const,
  request: (id: string) => ['exchange', 'request', id] as const,
  shareable: (code: string) => ['exchange', 'shareable', code] as const,
  catalogue: (q: string) => ['exchange', 'catalogue', q] as const,
  demands: (query: object) => ['exchange', 'demands', query] as const,
  grants: (query: object) => ['exchange', 'grants', query] as const,
  clients: ['exchange', 'clients'] as const,
  calls: (query: object) => ['exchange', 'calls', query] as const,
  statistics: (query: object) => ['exchange', 'statistics', query] as const,
  demandRate: (query: object) => ['exchange', 'demand-rate', query] as const,
  verify: ['exchange', 'verify'] as const,
  myUses: (page: number) => ['me', 'data-exchange-uses', page] as const,
};

export const exchangePaths = {
  requests: '/api/share-requests',
  request: (id: string) => `/api/share-requests/${id}`,
  decide: (id: string, action: 'review' | 'answer' | 'withdraw') => `/api/share-requests/${id}/${action}`,
  shareable: '/api/share-requests/resources',
  catalogue: '/api/data-resources',
  demands: '/api/share-demands',
  demand: (id: string, action: 'answer' | 'withdraw') => `/api/share-demands/${id}/${action}`,
  grants: '/api/exchange-grants',
  grant: (id: string) => `/api/exchange-grants/${id}`,
  revokeGrant: (id: string) => `/api/exchange-grants/${id}/revoke`,
  grantLimits: (id: string) => `/api/exchange-grants/${id}/limits`,
  clients: '/api/exchange-clients',
  client: (id: string, action: 'rotate' | 'revoke') => `/api/exchange-clients/${id}/${action}`,
  calls: '/api/exchange-calls',
  verify: '/api/exchange-calls/verify',
  statistics: '/api/exchange-statistics',
  demandRate: '/api/exchange-statistics/demands',
  query: '/api/exchange/query',
  myUses: '/api/my/data-exchange-uses',
};

export function useShareRequests(query: Query & { view: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: exchangeKeys.requests(query), queryFn: () => api.get<Page<ShareRequestSummary>>(exchangePaths.requests, query), placeholderData: keepPreviousData });
}

export function useShareRequest(id: string) {
  return useQuery({ queryKey: exchangeKeys.request(id), queryFn: () => api.get<ShareRequestView>(exchangePaths.request(id)) });
}

/** The fields of one published resource, as a requester may ask for them. */
export function useShareableResource(code: string | undefined) {
  return useQuery({
    queryKey: exchangeKeys.shareable(code ?? ''),
    queryFn: async () => (await api.get<Page<ShareableResourceView>>(exchangePaths.shareable, { q: code })).items[0] ?? null,
    enabled: Boolean(code),
  });
}

/** Published resources matching the picker's text (the catalogue's search). */
export function useCatalogueSearch(q: string) {
  return useQuery({
    queryKey: exchangeKeys.catalogue(q),
    queryFn: () => api.get<DataResourceList>(exchangePaths.catalogue, { q: q || undefined, status: 'published', pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
}

export function useShareDemands(query: Query & { view: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: exchangeKeys.demands(query), queryFn: () => api.get<Page<ShareDemandView>>(exchangePaths.demands, query), placeholderData: keepPreviousData });
}

export function useGrants(query: Query & { view: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: exchangeKeys.grants(query), queryFn: () => api.get<Page<ExchangeGrantView>>(exchangePaths.grants, query), placeholderData: keepPreviousData });
}

export function useClients() {
  return useQuery({ queryKey: exchangeKeys.clients, queryFn: () => api.get<Page<ExchangeClientView>>(exchangePaths.clients) });
}

export function useCalls(query: Query & { view: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: exchangeKeys.calls(query), queryFn: () => api.get<Page<ExchangeCallView>>(exchangePaths.calls, query), placeholderData: keepPreviousData });
}

export function useStatistics(query: { from: string; to: string; providerDepartmentId?: string }) {
  return useQuery({ queryKey: exchangeKeys.statistics(query), queryFn: () => api.get<ExchangeStatistics>(exchangePaths.statistics, query), placeholderData: keepPreviousData });
}

export function useDemandRate(query: { from: string; to: string }) {
  return useQuery({ queryKey: exchangeKeys.demandRate(query), queryFn: () => api.get<DemandSatisfaction>(exchangePaths.demandRate, query), placeholderData: keepPreviousData });
}

export function useChainVerdict(enabled: boolean) {
  return useQuery({ queryKey: exchangeKeys.verify, queryFn: () => api.get<ExchangeChainVerdict>(exchangePaths.verify), enabled });
}

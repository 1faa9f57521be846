import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ApiKeyView, OpenApplicationListQuery, OpenApplicationView, OpenDataOverview, OpenDatasetList, OpenDatasetListQuery, OpenDatasetView } from '@zhengtong/contracts';
import { api } from '../shared/api/client';

// 数据开放 against server/src/data/open-data/routes.ts: the public portal, developers' keys and applications, and the
// chief data officer's administration.

export type Page<T> = { items: T[]; total: number };

export const openKeys = {
  all: ['open-data'] as const,
  datasets: (query: object) => ['open-data', 'datasets', query] as const,
  dataset: (code: string) => ['open-data', 'dataset', code] as const,
  keys: ['open-data', 'keys'] as const,
  myApplications: (query: object) => ['open-data', 'my-applications', query] as const,
  overview: ['open-data', 'overview'] as const,
  queue: (query: object) => ['open-data', 'queue', query] as const,
};

export const openPaths = {
  datasets: '/api/open/datasets',
  dataset: (code: string) => `/api/open/datasets/${encodeURIComponent(code)}`,
  download: (code: string, format: string) => `/api/open/datasets/${encodeURIComponent(code)}/download/${format}`,
  records: (code: string) => `/api/open/datasets/${encodeURIComponent(code)}/records`,
  catalogue: '/api/open/catalog.jsonld',
  ckanSearch: '/api/3/action/package_search',
  ckanShow: (code: string) => `/api/3/action/package_show?id=${encodeURIComponent(code)}`,
  keys: '/api/open/api-keys',
  revokeKey: (id: string) => `/api/open/api-keys/${id}/revoke`,
  applications: '/api/open/applications',
  withdraw: (id: string) => `/api/open/applications/${id}/withdraw`,
  overview: '/api/open-data/overview',
  settings: (code: string) => `/api/open-data/datasets/${encodeURIComponent(code)}/settings`,
  queue: '/api/open-data/applications',
  decide: (id: string, action: 'approve' | 'refuse') => `/api/open-data/applications/${id}/${action}`,
};

/** Portal pages of the web app (not API paths). */
export const openPages = {
  home: '/open',
  dataset: (code: string) => `/open/datasets/${encodeURIComponent(code)}`,
  apply: (code: string) => `/open/datasets/${encodeURIComponent(code)}/apply`,
  developer: '/open/developer',
};

export type DatasetFilters = Partial<Omit<OpenDatasetListQuery, 'page' | 'pageSize' | 'sort'>> & Pick<OpenDatasetListQuery, 'page' | 'pageSize' | 'sort'>;

export function useOpenDatasets(query: DatasetFilters) {
  return useQuery({ queryKey: openKeys.datasets(query), queryFn: () => api.get<OpenDatasetList>(openPaths.datasets, query), placeholderData: keepPreviousData });
}

export function useOpenDataset(code: string) {
  return useQuery({ queryKey: openKeys.dataset(code), queryFn: () => api.get<OpenDatasetView>(openPaths.dataset(code)) });
}

export function useApiKeys() {
  return useQuery({ queryKey: openKeys.keys, queryFn: () => api.get<Page<ApiKeyView>>(openPaths.keys) });
}

export function useMyApplications(query: Partial<OpenApplicationListQuery>) {
  return useQuery({ queryKey: openKeys.myApplications(query), queryFn: () => api.get<Page<OpenApplicationView>>(openPaths.applications, query), placeholderData: keepPreviousData });
}

export function useOpenDataOverview() {
  return useQuery({ queryKey: openKeys.overview, queryFn: () => api.get<OpenDataOverview>(openPaths.overview) });
}

export function useApplicationQueue(query: Partial<OpenApplicationListQuery>) {
  return useQuery({ queryKey: openKeys.queue(query), queryFn: () => api.get<Page<OpenApplicationView>>(openPaths.queue, query), placeholderData: keepPreviousData });
}

/** The curl line a developer copies (the key stays a placeholder: it is never shown again). */
export function curlExample(origin: string, code: string | null, key = '<API-KEY>'): string {
  const path = code === null ? '/api/open/datasets/<CODE>/records' : openPaths.records(code);
  return `curl -H "X-Api-Key: ${key}" "${origin}${path}?page=1&pageSize=100"`;
}

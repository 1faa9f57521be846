import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DataQualityScore, DataResourceList, DataResourceListQuery, DataResourceVersionDetail, DataResourceView, DataSubLevelsView } from '@zhengtong/contracts';
import { api } from '../../../shared/api/client';

// 数据资源目录 against server/src/data/catalogue/routes.ts (search, detail, workflow, records, Excel, settings).

export const catalogueKeys = {
  all: ['data-resources'] as const,
  list: (query: object) => ['data-resources', 'list', query] as const,
  one: (id: string) => ['data-resources', 'one', id] as const,
  version: (id: string, number: number) => ['data-resources', 'version', id, number] as const,
  quality: (id: string) => ['data-resources', 'quality', id] as const,
  subLevels: ['data-sub-levels'] as const,
};

export const cataloguePaths = {
  list: '/api/data-resources',
  one: (id: string) => `/api/data-resources/${id}`,
  draft: (id: string) => `/api/data-resources/${id}/draft`,
  step: (id: string, step: 'submit' | 'publish' | 'return' | 'retire') => `/api/data-resources/${id}/${step}`,
  version: (id: string, number: number) => `/api/data-resources/${id}/versions/${number}`,
  quality: (id: string) => `/api/data-resources/${id}/quality`,
  upload: (id: string) => `/api/data-resources/${id}/records/upload`,
  export: '/api/data-resources/export.xlsx',
  import: '/api/data-resources/import',
  subLevels: '/api/data-sub-levels',
};

export type ListQuery = Partial<Omit<DataResourceListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };

export function useResources(query: ListQuery) {
  return useQuery({ queryKey: catalogueKeys.list(query), queryFn: () => api.get<DataResourceList>(cataloguePaths.list, query), placeholderData: keepPreviousData });
}

export function useResource(id: string) {
  return useQuery({ queryKey: catalogueKeys.one(id), queryFn: () => api.get<DataResourceView>(cataloguePaths.one(id)), enabled: id !== '' });
}

export function useResourceVersion(id: string, number: number | undefined) {
  return useQuery({
    queryKey: catalogueKeys.version(id, number ?? 0),
    queryFn: () => api.get<DataResourceVersionDetail>(cataloguePaths.version(id, number ?? 0)),
    enabled: number !== undefined,
  });
}

export function useResourceQuality(id: string, enabled: boolean) {
  return useQuery({ queryKey: catalogueKeys.quality(id), queryFn: () => api.get<{ score: DataQualityScore | null }>(cataloguePaths.quality(id)), enabled });
}

export function useSubLevels() {
  return useQuery({ queryKey: catalogueKeys.subLevels, queryFn: () => api.get<DataSubLevelsView>(cataloguePaths.subLevels), staleTime: 60_000 });
}

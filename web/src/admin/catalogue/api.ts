import { useQuery } from '@tanstack/react-query';
import type { DepartmentOption, ImplementationDifferences, ImplementationView, ItemVersionDetail, ItemVersionListItem, ServiceItemView } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';

// 事项管理 against server/src/services/catalogue/routes.ts and version-routes.ts.

export type Page<T> = { items: T[]; total: number };

export const adminCatalogueKeys = {
  all: ['admin-catalogue'] as const,
  items: (query: object) => ['admin-catalogue', 'items', query] as const,
  item: (id: string) => ['admin-catalogue', 'item', id] as const,
  implementations: (itemId: string) => ['admin-catalogue', 'implementations', itemId] as const,
  differences: (itemId: string) => ['admin-catalogue', 'differences', itemId] as const,
  versions: (query: object) => ['admin-catalogue', 'versions', query] as const,
  version: (id: string) => ['admin-catalogue', 'version', id] as const,
};

export const adminCataloguePaths = {
  items: '/api/service-items',
  item: (id: string) => `/api/service-items/${id}`,
  implementations: (itemId: string) => `/api/service-items/${itemId}/implementations`,
  differences: (itemId: string) => `/api/service-items/${itemId}/implementations/differences`,
  implementation: (id: string) => `/api/service-item-implementations/${id}`,
  newDraft: (implementationId: string) => `/api/service-item-implementations/${implementationId}/versions`,
  versions: '/api/service-item-versions',
  version: (id: string) => `/api/service-item-versions/${id}`,
  versionAction: (id: string, action: 'submit' | 'withdraw' | 'approve' | 'reject' | 'retire') => `/api/service-item-versions/${id}/${action}`,
  exportXlsx: '/api/service-items/export.xlsx',
  importXlsx: '/api/service-items/import',
};

export function useServiceItem(id: string) {
  return useQuery({ queryKey: adminCatalogueKeys.item(id), queryFn: () => api.get<ServiceItemView>(adminCataloguePaths.item(id)) });
}

export function useImplementations(itemId: string) {
  return useQuery({ queryKey: adminCatalogueKeys.implementations(itemId), queryFn: () => api.get<{ items: ImplementationView[] }>(adminCataloguePaths.implementations(itemId)) });
}

export function useDifferences(itemId: string, enabled: boolean) {
  return useQuery({ queryKey: adminCatalogueKeys.differences(itemId), queryFn: () => api.get<ImplementationDifferences>(adminCataloguePaths.differences(itemId)), enabled });
}

export function useVersionList(query: { status?: string; implementationId?: string; departmentId?: string; page?: number; pageSize?: number }, enabled = true) {
  return useQuery({ queryKey: adminCatalogueKeys.versions(query), queryFn: () => api.get<Page<ItemVersionListItem>>(adminCataloguePaths.versions, query), enabled });
}

export function useVersionDetail(id: string) {
  return useQuery({ queryKey: adminCatalogueKeys.version(id), queryFn: () => api.get<ItemVersionDetail>(adminCataloguePaths.version(id)) });
}

/** The active departments of one's region to choose from (any staff member may list them). */
export function useDepartmentChoices() {
  return useQuery({
    queryKey: ['department-choices'],
    queryFn: async (): Promise<{ id: string; name: string }[]> => {
      const options = await api.get<{ items: DepartmentOption[] }>('/api/departments/options');
      return options.items.filter((d) => d.isActive).map((d) => ({ id: d.id, name: d.name }));
    },
    staleTime: 5 * 60_000,
  });
}

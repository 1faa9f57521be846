import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LifeEventView, ServiceGuide, ServiceSearchResult } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';

// The public catalogue: search, life events, guides. Paths as server/src/services/catalogue/routes.ts declares them.

export type ServiceFilters = { q?: string; audience?: 'person' | 'enterprise'; lifeEvent?: string; departmentId?: string; regionCode?: string; page?: number; pageSize?: number };

export const catalogueKeys = {
  all: ['catalogue'] as const,
  search: (filters: ServiceFilters) => ['catalogue', 'search', filters] as const,
  lifeEvents: ['catalogue', 'life-events'] as const,
  guide: (itemId: string, implementationId: string | undefined) => ['catalogue', 'guide', itemId, implementationId ?? null] as const,
};

export const cataloguePaths = {
  search: '/api/service-items/search',
  lifeEvents: '/api/life-events',
  guide: (itemId: string) => `/api/service-items/${itemId}/guide`,
  /** The printable guide of one published version (served by the cases domain's document renderer). */
  guidePdf: (versionId: string) => `/api/service-item-versions/${versionId}/guide.pdf`,
};

export function searchServices(filters: ServiceFilters, signal?: AbortSignal): Promise<ServiceSearchResult> {
  return api.get<ServiceSearchResult>(cataloguePaths.search, { ...filters }, signal);
}

export function useServiceSearch(filters: ServiceFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: catalogueKeys.search(filters),
    queryFn: ({ signal }) => searchServices(filters, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
}

export function useLifeEvents() {
  return useQuery({
    queryKey: catalogueKeys.lifeEvents,
    queryFn: () => api.get<{ items: LifeEventView[] }>(cataloguePaths.lifeEvents),
    staleTime: 10 * 60_000,
  });
}

export function useServiceGuide(itemId: string, implementationId: string | undefined) {
  return useQuery({
    queryKey: catalogueKeys.guide(itemId, implementationId),
    queryFn: () => api.get<ServiceGuide>(cataloguePaths.guide(itemId), { implementationId }),
    staleTime: 60_000,
  });
}

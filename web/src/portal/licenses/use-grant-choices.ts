import { useQuery } from '@tanstack/react-query';
import type { CaseSummary, ServiceSearchResult } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';
import type { Page } from './api';

/**
 * Departments a holder may grant a licence to. Citizens may not list the region's departments (that list is for
 * staff), so the choice is the departments that offer services in the public catalogue — those a holder deals with.
 */
export function useGrantDepartments() {
  return useQuery({
    queryKey: ['license-grant', 'departments'],
    queryFn: async () => {
      const result = await api.get<ServiceSearchResult>('/api/service-items/search', { pageSize: 1 });
      return result.facets.departments.map((d) => ({ id: d.id, name: d.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    },
    staleTime: 10 * 60_000,
  });
}

/** The holder's own case numbers, offered when granting one case the use of a licence. */
export function useMyCaseNumbers(enabled: boolean) {
  return useQuery({
    queryKey: ['license-grant', 'my-cases'],
    queryFn: async () => {
      const page = await api.get<Page<CaseSummary>>('/api/cases/mine', { page: 1, pageSize: 50 });
      return page.items.filter((c): c is CaseSummary & { caseNumber: string } => c.caseNumber !== null).map((c) => ({ caseNumber: c.caseNumber, itemName: c.itemName }));
    },
    enabled,
    staleTime: 60_000,
  });
}

import { useQuery } from '@tanstack/react-query';
import type { CaseVersionForm } from '@zhengtong/contracts';
import { api } from '../../shared/api/client';

/** What a case screen needs of the version it was filed under: its form, materials and result fields. */
export type VersionForm = CaseVersionForm;

/** The version the case was filed under (kept for life, also after the catalogue retires it). */
export function useVersionForm(caseId: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'version-form', caseId],
    queryFn: () => api.get<CaseVersionForm>(`/api/cases/${caseId ?? ''}/version-form`),
    enabled: Boolean(caseId),
    staleTime: 10 * 60_000,
  });
}

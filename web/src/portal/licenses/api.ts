import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  LicenseGrantStatus,
  LicenseGrantView,
  LicenseQrView,
  LicenseStatus,
  LicenseSummary,
  LicenseTypeView,
  LicenseUseView,
  LicenseVerificationView,
  LicenseView,
} from '@zhengtong/contracts';
import { api } from '../../shared/api/client';

// 电子证照 against server/src/platform/licenses/routes.ts and upload-routes.ts (wallet, staff list, catalogue, checks).

export type Page<T> = { items: T[]; total: number };

export const licenseKeys = {
  all: ['licenses'] as const,
  mine: (query: object) => ['licenses', 'mine', query] as const,
  staff: (query: object) => ['licenses', 'staff', query] as const,
  one: (id: string) => ['licenses', 'one', id] as const,
  qr: (id: string) => ['licenses', 'qr', id] as const,
  uses: (id: string, page: number) => ['licenses', 'uses', id, page] as const,
  myUses: (page: number) => ['licenses', 'my-uses', page] as const,
  grants: (query: object) => ['licenses', 'grants', query] as const,
  verifications: (id: string, page: number) => ['licenses', 'verifications', id, page] as const,
  types: (query: object) => ['license-types', query] as const,
};

export const licensePaths = {
  mine: '/api/my/licenses',
  myUses: '/api/my/license-uses',
  list: '/api/licenses',
  one: (id: string) => `/api/licenses/${id}`,
  pdf: (id: string) => `/api/licenses/${id}/pdf`,
  qr: (id: string) => `/api/licenses/${id}/qr`,
  uses: (id: string) => `/api/licenses/${id}/uses`,
  verifications: (id: string) => `/api/licenses/${id}/verifications`,
  action: (id: string, action: 'suspend' | 'restore' | 'revoke') => `/api/licenses/${id}/${action}`,
  import: '/api/licenses/import',
  grants: '/api/license-grants',
  revokeGrant: (id: string) => `/api/license-grants/${id}/revoke`,
  types: '/api/license-types',
  type: (id: string) => `/api/license-types/${id}`,
  verifyOnline: (id: string) => `/api/licenses/verify/${encodeURIComponent(id)}`,
  verifyQr: '/api/licenses/verify/qr',
  verifyPdf: '/api/licenses/verify/pdf',
};

export function useMyLicenses(query: { status?: LicenseStatus; page: number; pageSize: number }) {
  return useQuery({ queryKey: licenseKeys.mine(query), queryFn: () => api.get<Page<LicenseSummary>>(licensePaths.mine, query), placeholderData: keepPreviousData });
}

export function useLicense(id: string) {
  return useQuery({ queryKey: licenseKeys.one(id), queryFn: () => api.get<LicenseView>(licensePaths.one(id)) });
}

export function useLicenseQr(id: string, enabled = true) {
  return useQuery({ queryKey: licenseKeys.qr(id), queryFn: () => api.get<LicenseQrView>(licensePaths.qr(id)), enabled, staleTime: 5 * 60_000 });
}

export function useLicenseUses(id: string, page: number, pageSize: number) {
  return useQuery({ queryKey: licenseKeys.uses(id, page), queryFn: () => api.get<Page<LicenseUseView>>(licensePaths.uses(id), { page, pageSize }), placeholderData: keepPreviousData });
}

export function useMyLicenseUses(page: number, pageSize: number) {
  return useQuery({ queryKey: licenseKeys.myUses(page), queryFn: () => api.get<Page<LicenseUseView>>(licensePaths.myUses, { page, pageSize }), placeholderData: keepPreviousData });
}

export function useGrants(query: { licenseId?: string; status?: LicenseGrantStatus; page: number; pageSize: number }) {
  return useQuery({ queryKey: licenseKeys.grants(query), queryFn: () => api.get<Page<LicenseGrantView>>(licensePaths.grants, query), placeholderData: keepPreviousData });
}

export function useLicenseVerifications(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: licenseKeys.verifications(id, page),
    queryFn: () => api.get<Page<LicenseVerificationView>>(licensePaths.verifications(id), { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** Licence types (the public catalogue), e.g. those one department issues. */
export function useLicenseTypes(query: { departmentId?: string | null; holderType?: string; isActive?: boolean; q?: string; page?: number; pageSize?: number }, enabled = true) {
  return useQuery({
    queryKey: licenseKeys.types(query),
    queryFn: () => api.get<Page<LicenseTypeView>>(licensePaths.types, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseSummary, CaseTrackingView, CaseView, LicenseMaterialsView, NotificationView, UploadedMaterialView, WindowLicenseMaterialsInput } from '@zhengtong/contracts';
import { api, apiLanguage, withQuery } from '../../shared/api/client';
import { toProblem } from '../../shared/api/problem';
import { ApiError } from '../../shared/api/client';

// 办件 against server/src/services/cases/routes.ts and staff-routes.ts.

export type Page<T> = { items: T[]; total: number };
export type ApplicantCase = Extract<CaseView, { perspective: 'applicant' }>;
export type StaffCase = Extract<CaseView, { perspective: 'staff' }>;

export const caseKeys = {
  all: ['cases'] as const,
  mine: (query: object) => ['cases', 'mine', query] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  queue: (query: object) => ['cases', 'queue', query] as const,
  notifications: (query: object) => ['cases', 'notifications', query] as const,
  unread: ['cases', 'notifications', 'unread'] as const,
  tracking: (code: string) => ['cases', 'tracking', code] as const,
  licenseMaterials: (versionId: string) => ['cases', 'license-materials', versionId] as const,
  // Outside ['cases']: invalidating every case query after a filing must not repeat this audited look-up.
  windowLicenseMaterials: (input: WindowLicenseMaterialsInput | undefined) => ['window-license-materials', input ?? null] as const,
  licenseFreeRate: (query: object) => ['cases', 'license-free-rate', query] as const,
};

export const casePaths = {
  create: '/api/cases',
  mine: '/api/cases/mine',
  one: (id: string) => `/api/cases/${id}`,
  submit: (id: string) => `/api/cases/${id}/submit`,
  supplement: (id: string) => `/api/cases/${id}/supplement`,
  withdraw: (id: string) => `/api/cases/${id}/withdraw`,
  materials: (id: string) => `/api/cases/${id}/materials`,
  material: (id: string, fileId: string) => `/api/cases/${id}/materials/${fileId}`,
  materialFile: (id: string, fileId: string) => `/api/cases/${id}/materials/${fileId}/file`,
  receipt: (id: string) => `/api/cases/${id}/receipt.pdf`,
  decision: (id: string) => `/api/cases/${id}/decision.pdf`,
  tracking: (code: string) => `/api/case-tracking/${encodeURIComponent(code)}`,
  action: (id: string, route: string) => `/api/cases/${id}/actions/${route}`,
  unmask: (id: string) => `/api/cases/${id}/unmask`,
  pledgeCheck: (id: string, materialKey: string) => `/api/cases/${id}/pledges/${materialKey}/check`,
  queue: '/api/workbench/cases',
  window: '/api/window/cases',
  notifications: '/api/notifications',
  read: (id: string) => `/api/notifications/${id}/read`,
  readAll: '/api/notifications/read-all',
  versionGuidePdf: (versionId: string) => `/api/service-item-versions/${versionId}/guide.pdf`,
  licenseMaterials: '/api/cases/license-materials',
  windowLicenseMaterials: '/api/window/license-materials',
  licenseFreeRate: '/api/cases/license-free-rate',
};

export function useMyCases(query: { status?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: caseKeys.mine(query), queryFn: () => api.get<Page<CaseSummary>>(casePaths.mine, query), placeholderData: keepPreviousData });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.one(id), queryFn: () => api.get<CaseView>(casePaths.one(id)), staleTime: 0 });
}

export function useTracking(code: string) {
  return useQuery({ queryKey: caseKeys.tracking(code), queryFn: () => api.get<CaseTrackingView>(casePaths.tracking(code)) });
}

/**
 * 免证办 preview for the signed-in applicant: which materials of this version their own (or their enterprise's) valid
 * electronic licences satisfy. Nothing is recorded until submission, when the server fetches them again.
 */
export function useLicenseMaterials(versionId: string) {
  return useQuery({ queryKey: caseKeys.licenseMaterials(versionId), queryFn: () => api.get<LicenseMaterialsView>(casePaths.licenseMaterials, { itemVersionId: versionId }) });
}

/**
 * The same preview at the comprehensive window, for a walk-in identified by ID number or credit code. Each look-up is
 * audited on the server, so it runs once per applicant and item (no refetch on focus or language change).
 */
export function useWindowLicenseMaterials(input: WindowLicenseMaterialsInput | undefined) {
  return useQuery({
    queryKey: caseKeys.windowLicenseMaterials(input),
    queryFn: () => api.post<LicenseMaterialsView>(casePaths.windowLicenseMaterials, input),
    enabled: Boolean(input),
    staleTime: Infinity,
    meta: { isOneShot: true },
  });
}

export type NotificationPage = { items: NotificationView[]; total: number; unread: number };

/** Unread count for the header badge: refreshed every minute while the page is open. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.unread,
    queryFn: () => api.get<NotificationPage>(casePaths.notifications, { isUnread: true, pageSize: 1 }),
    enabled,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

/**
 * Uploads one file with progress (fetch cannot report upload progress; XMLHttpRequest can). Failures become the
 * same ApiError as every other call, so field messages and titles read the same.
 */
export function uploadMaterial(caseId: string, materialKey: string, file: File, onProgress: (percent: number) => void): Promise<UploadedMaterialView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(casePaths.materials(caseId), { materialKey }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', apiLanguage());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadedMaterialView);
      else reject(new ApiError(toProblem(xhr.status, body, apiLanguage()), body));
    };
    xhr.onerror = () => reject(new ApiError(toProblem(0, undefined, apiLanguage())));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

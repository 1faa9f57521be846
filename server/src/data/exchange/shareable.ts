import { isPersonalMasking, type PublishedDataResource, type ShareableResourceView } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { findPublishedResource } from '../catalogue';

// A published resource as a consumer sees it when requesting: which fields may be asked for (never those shared
// 不予共享), which are personal (masked unless a conditional provider agrees), and the resource's own conditions.

export function isFieldRequestable(resource: Pick<PublishedDataResource, 'shareType' | 'status'>, field: Pick<PublishedDataResource['fields'][number], 'shareType'>): boolean {
  return resource.status === 'published' && resource.shareType !== 'none' && field.shareType !== 'none';
}

export function shareableView(resource: PublishedDataResource): ShareableResourceView {
  return {
    id: resource.id,
    code: resource.code,
    name: resource.name,
    summary: resource.summary,
    providerDepartmentId: resource.providerDepartmentId,
    providerName: resource.providerName,
    shareType: resource.shareType,
    shareCondition: resource.shareCondition,
    legalBasis: resource.legalBasis,
    keyField: resource.keyField,
    status: resource.status,
    fields: resource.fields.map((f) => ({
      key: f.key,
      name: f.name,
      shareType: f.shareType,
      masking: f.masking,
      isRequestable: isFieldRequestable(resource, f),
      isPersonal: isPersonalMasking(f.masking),
    })),
  };
}

/**
 * Published resources matching a consumer's search, for the request form's picker. Until the catalogue exports a
 * search over published resources, an exact 资源代码 (or id) finds one.
 */
export async function findShareableResources(db: Queryable, q: string): Promise<ShareableResourceView[]> {
  const found = await findPublishedResource(db, q.trim());
  return found ? [shareableView(found)] : [];
}

export async function getShareableResource(db: Queryable, idOrCode: string): Promise<ShareableResourceView> {
  const found = await findPublishedResource(db, idOrCode);
  if (!found) throw new AppError('NOT_FOUND', { detail: 'exchange.resourceNotFound' });
  return shareableView(found);
}

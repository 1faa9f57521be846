import { isPersonalMasking, shareDeadlineDays, type CreateShareRequestInput, type PublishedDataResource, type ShareRequestView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { toLocalDate } from '../../kernel/calendar';
import { AppError, invalid, isUniqueViolation, type FieldIssue } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { emit } from '../../kernel/outbox';
import { deadlineAfter } from '../../platform/calendar';
import { findPublishedResource } from '../catalogue';
import { staffWithDepartment } from './access';
import { requestNotFound, requestView } from './request-reads';
import { appendAction, findRequest, insertRequest, nextNumber } from './requests-repo';

// 提交共享申请: a consuming department asks for some fields of a published resource. Checked against the resource as
// published now: fields shared 不予共享 cannot be asked for, a conditional request needs a legal basis, unmasked values
// can only be asked of a conditional provider. The platform's 2 working days start at once.

/** Whether the provider must agree too: the resource, or any requested field, is shared on conditions. */
export function isConditionalRequest(resource: Pick<PublishedDataResource, 'shareType' | 'fields'>, fieldKeys: readonly string[]): boolean {
  if (resource.shareType === 'conditional') return true;
  return resource.fields.some((f) => fieldKeys.includes(f.key) && f.shareType === 'conditional');
}

function checkAgainstResource(resource: PublishedDataResource | undefined, input: CreateShareRequestInput, departmentId: string, today: string): PublishedDataResource {
  if (!resource) throw invalid([{ field: 'resource', code: 'exchange.resourceNotFound' }]);
  if (resource.status === 'retired') throw invalid([{ field: 'resource', code: 'exchange.resourceRetired' }]);
  if (resource.shareType === 'none') throw invalid([{ field: 'resource', code: 'exchange.resourceNotShared' }]);
  if (resource.providerDepartmentId === departmentId) throw invalid([{ field: 'resource', code: 'exchange.ownResource' }]);
  const issues: FieldIssue[] = [];
  input.fields.forEach((key, i) => {
    const field = resource.fields.find((f) => f.key === key);
    if (!field) issues.push({ field: `fields.${i}`, code: 'exchange.fieldUnknown' });
    else if (field.shareType === 'none') issues.push({ field: `fields.${i}`, code: 'exchange.fieldNotShared' });
  });
  const isConditional = isConditionalRequest(resource, input.fields);
  input.unmaskedFields.forEach((key, i) => {
    const field = resource.fields.find((f) => f.key === key);
    if (!field) return;
    if (field.masking === 'hidden') issues.push({ field: `unmaskedFields.${i}`, code: 'exchange.unmaskedHidden' });
    else if (!isPersonalMasking(field.masking)) issues.push({ field: `unmaskedFields.${i}`, code: 'exchange.unmaskedNotPersonal' });
    else if (!isConditional) issues.push({ field: `unmaskedFields.${i}`, code: 'exchange.unmaskedUnconditional' });
  });
  if (isConditional && input.legalBasis.length === 0) issues.push({ field: 'legalBasis', code: 'exchange.legalBasisRequired' });
  if (input.validFrom < today) issues.push({ field: 'validFrom', code: 'exchange.periodPast' });
  if (issues.length > 0) throw invalid(issues);
  return resource;
}

export async function submitShareRequest(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateShareRequestInput }): Promise<ShareRequestView> {
  requirePermission(actor, 'share-request.create');
  const staff = staffWithDepartment(actor);
  const now = new Date();
  const resource = checkAgainstResource(await findPublishedResource(kernel.db, input.resource), input, staff.departmentId, toLocalDate(now));
  const isConditional = isConditionalRequest(resource, input.fields);
  const id = newId();
  try {
    await inTransaction(kernel.db, async (tx) => {
      const number = await nextNumber(tx, 'GX', toLocalDate(now).slice(0, 4));
      await insertRequest(tx, {
        id,
        number,
        consumer_department_id: staff.departmentId,
        requested_by: staff.accountId,
        resource_id: resource.id,
        resource_code: resource.code,
        resource_name: resource.name,
        provider_department_id: resource.providerDepartmentId,
        region_code: resource.regionCode,
        is_conditional: isConditional,
        fields: input.fields,
        unmasked_requested: input.unmaskedFields,
        purpose: input.purpose,
        legal_basis: input.legalBasis,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        expected_daily_volume: input.expectedDailyVolume,
        status: 'platformReview',
        platform_due_at: await deadlineAfter(tx, now, shareDeadlineDays.platform),
        rate_limit_per_second: null,
        daily_quota: null,
        refusal_reason: null,
        created_at: now,
        updated_at: now,
      });
      await appendAction(tx, { request_id: id, action: 'submit', from_status: null, to_status: 'platformReview', actor_id: staff.accountId, actor_name: staff.displayName, department_id: staff.departmentId, note: '', at: now });
      const detail = { number, resourceId: resource.id, resourceCode: resource.code, fields: input.fields, isConditional, purpose: input.purpose, validFrom: input.validFrom, validTo: input.validTo };
      await audit(tx, actor, { action: 'share-request.submit', objectType: 'share-request', objectId: id, detail });
      await emit(tx, 'share-request.submitted', { id, ...detail, consumerDepartmentId: staff.departmentId, providerDepartmentId: resource.providerDepartmentId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { detail: 'exchange.duplicateRequest' });
    throw error;
  }
  const row = await findRequest(kernel.db, id);
  if (!row) throw requestNotFound();
  return requestView(kernel.db, actor, row);
}

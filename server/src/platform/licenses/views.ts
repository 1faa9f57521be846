import type { LicensePublicView, LicenseSummary, LicenseTypeView, LicenseView } from '@zhengtong/contracts';
import { toLocalDate } from '../../kernel/calendar';
import type { Keys } from '../../kernel/keys';
import { maskIdNumber, maskName } from '../../kernel/masking';
import { reveal } from '../identity';
import { labelledFields } from './fields';
import type { LicenseActionRow, LicenseRecord, LicenseTypeRow } from './repo';
import { effectiveStatus, statusSince } from './workflow';

export function toTypeView(row: LicenseTypeRow, departmentName: string): LicenseTypeView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    departmentId: row.department_id,
    departmentName,
    holderType: row.holder_type,
    fields: row.fields.map((f) => ({ key: f.key, name: f.name, kind: f.kind, isRequired: f.isRequired, source: f.source })),
    validity: row.validity,
    trustLevel: row.trust_level,
    issuingBasicCodes: row.issuing_basic_codes,
    holderSource: row.holder_source,
    description: row.description,
    isActive: row.is_active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The holder's number as shown: the 身份证号 masked (first 1, last 2), the credit code in full. */
export function holderNumberOf(keys: Keys, row: Pick<LicenseRecord, 'holder_type' | 'holder_id_enc' | 'holder_credit_code'>): string {
  if (row.holder_type === 'person') return row.holder_id_enc ? maskIdNumber(reveal(keys, 'idNumber', row.holder_id_enc)) : '';
  return row.holder_credit_code ?? '';
}

export function toSummary(keys: Keys, row: LicenseRecord, today: string): LicenseSummary {
  return {
    id: row.id,
    identifier: row.identifier,
    typeId: row.type_id,
    typeCode: row.type_code,
    typeName: row.type_name,
    holderType: row.holder_type,
    holderName: row.holder_name,
    holderNumber: holderNumberOf(keys, row),
    issuerDepartmentId: row.issuer_department_id,
    issuerName: row.issuer_name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    issuedAt: row.issued_at.toISOString(),
    status: effectiveStatus(row, today),
    source: row.source,
    version: row.version,
  };
}

export function toLicenseView(
  keys: Keys,
  row: LicenseRecord,
  extra: { today: string; type: LicenseTypeRow | undefined; history: LicenseActionRow[]; sealName: string; perspective: 'holder' | 'staff' },
): LicenseView {
  return {
    ...toSummary(keys, row, extra.today),
    issuerCreditCode: row.issuer_credit_code,
    trustLevel: extra.type?.trust_level ?? 'A',
    fields: labelledFields(extra.type, row.fields),
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at?.toISOString() ?? null,
    caseId: row.case_id,
    caseNumber: row.case_number,
    originalNumber: row.original_number,
    seal: { keyId: row.seal_key_id, name: extra.sealName },
    signature: row.signature,
    history: extra.history.map((h) => ({ action: h.action, fromStatus: h.from_status, toStatus: h.to_status, reason: h.reason, actorName: h.actor_name, at: h.at.toISOString() })),
    perspective: extra.perspective,
  };
}

/** What anyone may be told about a licence: no 身份证号, the name masked (张*), the status as of today. */
export function toPublicView(row: Pick<LicenseRecord, 'id' | 'identifier' | 'type_name' | 'holder_type' | 'holder_name' | 'issuer_name' | 'issuer_credit_code' | 'valid_from' | 'valid_to' | 'issued_at' | 'status' | 'status_changed_at'>, now: Date): LicensePublicView {
  const today = toLocalDate(now);
  return {
    id: row.id,
    identifier: row.identifier,
    typeName: row.type_name,
    holderType: row.holder_type,
    // Masked for organisations too: a 个体工商户 without a trade name is registered under the operator's own name.
    holderName: maskName(row.holder_name),
    issuerName: row.issuer_name,
    issuerCreditCode: row.issuer_credit_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    issuedOn: toLocalDate(row.issued_at),
    status: effectiveStatus(row, today),
    statusSince: statusSince(row, today),
    checkedAt: now.toISOString(),
  };
}

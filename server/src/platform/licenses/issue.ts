import { formatLicenseSerial, licenseIdentifier, type LicenseSource } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import { audit } from '../../kernel/audit';
import type { Queryable, Row } from '../../kernel/db';
import type { Keys } from '../../kernel/keys';
import { newId } from '../../kernel/ids';
import { emit } from '../../kernel/outbox';
import { sealFor, signWithSeal, type SealSignature } from '../seals';
import type { Holder } from './holders';
import { insertActions, insertLicenses, reserveSerials, type LicenseTypeRow } from './repo';
import { signedDataOf } from './qr';
import type { NewLicenseRow } from './tables';

// Issuing one licence: the next serial of its type and issuer, the GB/T 36904 identifier, the minimal data signed
// with the issuing department's 证照专用章, the row, its first history entry, the audit records (the issue and the
// seal's use) and the license.issued event — all in the caller's transaction.

export type IssueFacts = {
  type: LicenseTypeRow;
  issuer: Row<'departments'>;
  holder: Holder;
  /** Person: the 身份证号 in clear, only to print its masked form in the signed data; enterprise: the credit code. */
  holderNumber: string;
  fields: Record<string, string>;
  validFrom: string;
  validTo: string | null;
  issuedAt: Date;
  source: LicenseSource;
  caseId?: string | null;
  caseNumber?: string | null;
  originalNumber?: string | null;
};

/** Who an action is recorded as: the staff member, or the platform task (自动签发, 到期处理 …). */
export function actorOf(actor: Actor): { id: string | null; name: string } {
  switch (actor.kind) {
    case 'account':
      return { id: actor.accountId, name: actor.displayName };
    case 'system':
      return { id: null, name: actor.name };
    case 'anonymous':
      return { id: null, name: 'anonymous' };
  }
}

export type LicenseText = { identifier: string; signedData: string };

/** The identifier and the exact text to sign (canonical minimal data) of a licence with this serial. */
export function licenseText(facts: IssueFacts, serial: number): LicenseText {
  const identifier = licenseIdentifier({ typeCode: facts.type.code, issuerCreditCode: facts.issuer.credit_code, serial: formatLicenseSerial(serial), version: '001' });
  const signedData = signedDataOf({
    identifier,
    typeName: facts.type.name,
    holderType: facts.holder.type,
    holderName: facts.holder.name,
    holderNumber: facts.holderNumber,
    issuerName: facts.issuer.name,
    validFrom: facts.validFrom,
    validTo: facts.validTo,
    issuedAt: facts.issuedAt,
  });
  return { identifier, signedData };
}

/** The row and first history entry of a signed licence. */
export function licenseRows(facts: IssueFacts, serial: number, text: LicenseText, signed: SealSignature, actor: Actor): { row: NewLicenseRow<'licenses'>; action: NewLicenseRow<'license_actions'> } {
  const id = newId();
  const who = actorOf(actor);
  return {
    row: {
      id,
      identifier: text.identifier,
      type_id: facts.type.id,
      type_code: facts.type.code,
      type_name: facts.type.name,
      serial,
      license_version: 1,
      issuer_department_id: facts.issuer.id,
      issuer_name: facts.issuer.name,
      issuer_credit_code: facts.issuer.credit_code,
      issuer_region_code: facts.issuer.region_code,
      holder_type: facts.holder.type,
      holder_name: facts.holder.name,
      holder_id_enc: facts.holder.idEnc,
      holder_id_idx: facts.holder.idIdx,
      holder_credit_code: facts.holder.creditCode,
      holder_account_id: facts.holder.accountId,
      holder_enterprise_id: facts.holder.enterpriseId,
      fields: JSON.stringify(facts.fields),
      valid_from: facts.validFrom,
      valid_to: facts.validTo,
      issued_at: facts.issuedAt,
      source: facts.source,
      case_id: facts.caseId ?? null,
      case_number: facts.caseNumber ?? null,
      original_number: facts.originalNumber ?? null,
      signed_data: text.signedData,
      seal_id: signed.sealId,
      seal_key_id: signed.keyId,
      signature: signed.signature,
      created_by: who.id,
    },
    action: { license_id: id, action: 'issue', from_status: null, to_status: 'valid', reason: '', actor_id: who.id, actor_name: who.name, at: facts.issuedAt },
  };
}

export function issuedEvent(row: NewLicenseRow<'licenses'>): Record<string, unknown> {
  return {
    id: row.id,
    identifier: row.identifier,
    typeId: row.type_id,
    typeCode: row.type_code,
    issuerDepartmentId: row.issuer_department_id,
    holderType: row.holder_type,
    holderAccountId: row.holder_account_id ?? null,
    holderEnterpriseId: row.holder_enterprise_id ?? null,
    source: row.source,
    caseId: row.case_id ?? null,
  };
}

/**
 * Issues one licence in the caller's transaction. Refuses (CONFLICT seal.noActiveSeal / seal.notInForce) when the
 * issuing department has no 证照专用章 that may sign today: a licence is never issued unsigned.
 */
export async function issueOne(tx: Queryable, keys: Keys, actor: Actor, facts: IssueFacts): Promise<string> {
  const seal = await sealFor(tx, facts.issuer.id, 'licence');
  const serial = await reserveSerials(tx, facts.type.id, facts.issuer.id, 1);
  const text = licenseText(facts, serial);
  const signed = await signWithSeal(tx, keys, seal.id, Buffer.from(text.signedData, 'utf8'));
  const { row, action } = licenseRows(facts, serial, text, signed, actor);
  await insertLicenses(tx, [row]);
  await insertActions(tx, [action]);
  await audit(tx, actor, {
    action: 'license.issue',
    objectType: 'license',
    objectId: row.id,
    detail: { identifier: row.identifier, typeCode: row.type_code, issuerDepartmentId: row.issuer_department_id, source: row.source, caseId: row.case_id ?? null, caseNumber: row.case_number ?? null },
  });
  await audit(tx, actor, { action: 'seal.use', objectType: 'seal', objectId: signed.sealId, detail: { keyId: signed.keyId, document: 'license', licenseId: row.id, identifier: row.identifier } });
  await emit(tx, 'license.issued', issuedEvent(row));
  return row.id;
}

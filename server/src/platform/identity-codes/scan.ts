import {
  identityCodeAttributeNames,
  identityCodePurposeNames,
  parseIdentityCode,
  type IdentityCodeAttribute,
  type IdentityCodeRefusal,
  type IdentityCodeScanInput,
  type IdentityCodeScanResultView,
  type Locale,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type AccountActor, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { findDepartment } from '../departments';
import { isSignedByPlatform } from './codes';
import { attributeValues, readHolderFacts, type Holder } from './holders';
import { findAliasByValue, insertScan, wasScanned, type NewScanRow } from './repo';

// The scanner's side (a hall's clerk or inspector, or a partner system through a staff service account): check the
// code, then return only what was asked for and consented to. Every scan is logged, refused ones too, so the holder
// can see who tried to read their code and why; a successful read also goes into the audit chain.

/** What a refusal looks like to the caller: the status class, and the specific code in `errors[]`. */
function refusal(result: IdentityCodeRefusal, locale: Locale, missing: readonly IdentityCodeAttribute[]): AppError {
  const code = `identityCode.${result}`;
  switch (result) {
    case 'malformed':
    case 'badSignature':
    case 'expired':
    case 'revoked':
      return new AppError('VALIDATION_FAILED', { detail: code, fields: [{ field: 'code', code }] });
    case 'used':
      return new AppError('CONFLICT', { detail: code, fields: [{ field: 'code', code }] });
    case 'consentRequired': {
      const separator = locale === 'zh-CN' ? '、' : ', ';
      return new AppError('FORBIDDEN', {
        detail: 'identityCode.consentRequiredDetail',
        params: { attributes: missing.map((a) => identityCodeAttributeNames[a][locale]).join(separator) },
        fields: missing.map((a) => ({ field: `attributes.${a}`, code })),
      });
    }
  }
}

function scannerOf(actor: Actor): AccountActor {
  requirePermission(actor, 'identity-code.scan');
  // A scan is a person's (or a named service account's) act that the holder is shown; the platform itself scans nothing.
  if (actor.kind !== 'account') throw new AppError('FORBIDDEN');
  return actor;
}

function holderOfAlias(alias: { holder_kind: 'person' | 'enterprise'; account_id: string | null; enterprise_id: string | null }): Holder | undefined {
  if (alias.holder_kind === 'person' && alias.account_id) return { kind: 'person', accountId: alias.account_id };
  if (alias.holder_kind === 'enterprise' && alias.enterprise_id) return { kind: 'enterprise', enterpriseId: alias.enterprise_id };
  return undefined;
}

export async function scanIdentityCode(kernel: Kernel, { actor, input }: { actor: Actor; input: IdentityCodeScanInput }): Promise<IdentityCodeScanResultView> {
  const scanner = scannerOf(actor);
  const department = scanner.departmentId ? await findDepartment(kernel.db, scanner.departmentId) : undefined;
  const scanId = newId();
  const scannedAt = new Date();
  const purposeNote = input.purposeNote || null;
  let logged: NewScanRow = {
    id: scanId,
    scanned_at: scannedAt,
    scanner_account_id: scanner.accountId,
    scanner_name: scanner.displayName,
    department_id: department?.id ?? null,
    department_name: department?.name ?? null,
    region_code: scanner.regionCode,
    purpose: input.purpose,
    purpose_note: purposeNote,
    requested_attributes: JSON.stringify(input.attributes),
    result: 'success',
  };
  const refuse = async (result: IdentityCodeRefusal, missing: IdentityCodeAttribute[] = []): Promise<AppError> => {
    await insertScan(kernel.db, { ...logged, result, missing_attributes: result === 'consentRequired' ? JSON.stringify(missing) : null });
    return refusal(result, scanner.context.locale, missing);
  };

  const parsed = parseIdentityCode(input.code);
  if (!parsed) throw await refuse('malformed');
  // Nothing in the payload is believed, nor written against a holder, before the signature checks out.
  if (!(await isSignedByPlatform(kernel.db, parsed))) throw await refuse('badSignature');
  const code = parsed.payload;
  logged = { ...logged, key_id: code.keyId, nonce: code.nonce, code_expires_at: new Date(code.expiresAt * 1000) };
  const alias = await findAliasByValue(kernel.db, code.alias);
  const holder = alias && holderOfAlias(alias);
  if (!alias || !holder) throw await refuse('revoked');
  logged = {
    ...logged,
    alias_id: alias.id,
    holder_kind: holder.kind,
    holder_account_id: holder.kind === 'person' ? holder.accountId : null,
    holder_enterprise_id: holder.kind === 'enterprise' ? holder.enterpriseId : null,
  };

  if (scannedAt.getTime() >= code.expiresAt * 1000) throw await refuse('expired');
  if (alias.status !== 'active') throw await refuse('revoked');
  const facts = await readHolderFacts(kernel, holder);
  if (!facts?.isActive) throw await refuse('revoked');
  if (await wasScanned(kernel.db, alias.id, code.nonce)) throw await refuse('used');
  const missing = input.attributes.filter((a) => !code.attributes.includes(a));
  if (missing.length > 0) throw await refuse('consentRequired', missing);

  const holderId = holder.kind === 'person' ? holder.accountId : holder.enterpriseId;
  try {
    await inTransaction(kernel.db, async (tx) => {
      await insertScan(tx, { ...logged, result: 'success' });
      await audit(tx, scanner, {
        action: 'identity-code.scan',
        objectType: holder.kind,
        objectId: holderId,
        detail: {
          scanId,
          // In words, as the holder's data-use record shows the purpose.
          purpose: [identityCodePurposeNames[input.purpose]['zh-CN'], purposeNote].filter(Boolean).join(':'),
          purposeCode: input.purpose,
          attributes: input.attributes,
          keyId: code.keyId,
        },
      });
      await emit(tx, 'identity-code.scanned', { scanId, holderKind: holder.kind, holderId, departmentId: department?.id ?? null, purpose: input.purpose });
    });
  } catch (error) {
    // The same code scanned twice at the same moment: the unique index lets one through.
    if (isUniqueViolation(error)) throw await refuse('used');
    throw error;
  }
  return {
    scanId,
    scannedAt: scannedAt.toISOString(),
    kind: holder.kind,
    purpose: input.purpose,
    attributes: attributeValues(facts, input.attributes),
    code: { keyId: code.keyId, issuedAt: new Date(code.issuedAt * 1000).toISOString(), expiresAt: new Date(code.expiresAt * 1000).toISOString() },
  };
}

import type { LicenseUseBasis, LicenseUseView, LicenseView, TrustLevel, UseLicenseInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { canAccessRecord, isStaff, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { messageRef } from '../../kernel/i18n';
import type { Queryable } from '../../kernel/db';
import { findDepartment } from '../departments';
import { readerOf, requireHolder } from './access';
import { labelledFields } from './fields';
import { enterpriseHolder, personHolder, type HolderKeys } from './holders';
import { actorOf } from './issue';
import { findActiveGrant, insertUse, listUseRows, type UseWithLicense } from './grants-repo';
import { getLicenseRow, licenseNotFound, licenseViewOf } from './reads';
import { findLicense, findLicenseByIdentifier, findType, findTypeByCode, listLicenseRows, type LicenseRecord } from './repo';
import { effectiveStatus, todayInBeijing } from './workflow';

// Using a licence (用证): a department reads a holder's licence for a case or a service. Allowed by the holder's own
// application (免证办: applying for a service counts as consent for that case), by the holder's grant (自主授权), or
// because the department issued it. Every use is recorded in license_uses, audited, announced (license.used) and
// listed to the holder.

/** Whose licence: the registered person or enterprise, or a walk-in by the blind index of the ID number / credit code. */
export type LicenseHolderRef =
  | { type: 'person'; accountId?: string | null; idNumberIdx?: string | null }
  | { type: 'enterprise'; enterpriseId?: string | null; creditCode?: string | null };

/** What a department gets from a licence it may use: the licence's data, never the holder's full ID number. */
export type UsedLicense = {
  id: string;
  identifier: string;
  typeCode: string;
  typeName: string;
  trustLevel: TrustLevel;
  holderName: string;
  issuerName: string;
  validFrom: string;
  validTo: string | null;
  fields: { key: string; name: string; value: string }[];
  /** The signature and key id, so the department's system can keep proof of what it relied on. */
  signedData: string;
  sealKeyId: string;
  signature: string;
  useId: string;
};

async function keysOfRef(db: Queryable, ref: LicenseHolderRef): Promise<HolderKeys | undefined> {
  if (ref.type === 'person') {
    const registered = ref.accountId ? await personHolder(db, ref.accountId) : undefined;
    const keys = { type: 'person' as const, accountId: ref.accountId ?? null, idIdx: ref.idNumberIdx ?? registered?.idIdx ?? null };
    return keys.accountId || keys.idIdx ? keys : undefined;
  }
  const registered = ref.enterpriseId ? await enterpriseHolder(db, ref.enterpriseId) : undefined;
  const keys = { type: 'enterprise' as const, enterpriseId: ref.enterpriseId ?? null, creditCode: ref.creditCode ?? registered?.creditCode ?? null };
  return keys.enterpriseId || keys.creditCode ? keys : undefined;
}

async function recordUse(
  tx: Queryable,
  actor: Actor,
  license: LicenseRecord,
  use: { basis: LicenseUseBasis; grantId: string | null; departmentId: string | null; caseId: string | null; caseNumber: string | null; purpose: string },
): Promise<UsedLicense> {
  const department = use.departmentId ? await findDepartment(tx, use.departmentId) : undefined;
  const who = actorOf(actor);
  const id = newId();
  await insertUse(tx, {
    id,
    license_id: license.id,
    grant_id: use.grantId,
    basis: use.basis,
    department_id: department?.id ?? null,
    department_name: department?.name ?? null,
    user_id: who.id,
    user_name: who.name,
    case_id: use.caseId,
    case_number: use.caseNumber,
    purpose: use.purpose,
  });
  const detail = { useId: id, identifier: license.identifier, basis: use.basis, grantId: use.grantId, departmentId: department?.id ?? null, caseId: use.caseId, caseNumber: use.caseNumber, purpose: use.purpose };
  await audit(tx, actor, { action: 'license.use', objectType: 'license', objectId: license.id, detail });
  await emit(tx, 'license.used', { licenseId: license.id, holderAccountId: license.holder_account_id, holderEnterpriseId: license.holder_enterprise_id, ...detail });
  const type = await findType(tx, license.type_id);
  return {
    id: license.id,
    identifier: license.identifier,
    typeCode: license.type_code,
    typeName: license.type_name,
    trustLevel: type?.trust_level ?? 'A',
    holderName: license.holder_name,
    issuerName: license.issuer_name,
    validFrom: license.valid_from,
    validTo: license.valid_to,
    fields: labelledFields(type, license.fields).map(({ key, name, value }) => ({ key, name, value })),
    signedData: license.signed_data,
    sealKeyId: license.seal_key_id,
    signature: license.signature,
    useId: id,
  };
}

/**
 * 免证办: the holder's valid licence of a type, for the case they applied for, recorded as used (purpose 免证办 by
 * default, basis `application`: applying is consent for that case). Undefined when the holder has none valid today.
 * Call it inside the transaction that submits or accepts the case.
 */
export async function useLicenseForCase(
  tx: Queryable,
  input: { holder: LicenseHolderRef; typeCode: string; caseId: string; caseNumber?: string | null; departmentId: string; actor: Actor; purpose?: string },
): Promise<UsedLicense | undefined> {
  const license = await findValidLicense(tx, input.holder, input.typeCode);
  if (!license) return undefined;
  return recordUse(tx, input.actor, license, { basis: 'application', grantId: null, departmentId: input.departmentId, caseId: input.caseId, caseNumber: input.caseNumber ?? null, purpose: input.purpose ?? '免证办' });
}

/** The holder's most recently issued licence of the type that is valid today, without recording a use (a hint for forms). */
export async function findValidLicense(db: Queryable, holder: LicenseHolderRef, typeCode: string): Promise<LicenseRecord | undefined> {
  const keys = await keysOfRef(db, holder);
  const type = await findTypeByCode(db, typeCode);
  if (!keys || !type) return undefined;
  const { rows } = await listLicenseRows(db, { holder: keys, typeId: type.id, status: 'valid', today: todayInBeijing() }, { limit: 1, offset: 0 });
  return rows[0];
}

/**
 * Staff in a case read a licence the holder granted to that case (or to their department). FORBIDDEN without an
 * active grant; CONFLICT when the licence is no longer valid. Records the use.
 */
export async function readLicenseForCase(
  tx: Queryable,
  input: { license: { id: string } | { identifier: string }; caseId: string; caseNumber?: string | null; departmentId: string; actor: Actor; purpose: string },
): Promise<UsedLicense> {
  const license = 'id' in input.license ? await findLicense(tx, input.license.id) : await findLicenseByIdentifier(tx, input.license.identifier);
  if (!license) throw licenseNotFound();
  const grant = await findActiveGrant(tx, license.id, { departmentId: input.departmentId, caseId: input.caseId, caseNumber: input.caseNumber }, new Date());
  if (!grant) throw new AppError('FORBIDDEN', { detail: 'license.noGrant' });
  assertUsable(license);
  return recordUse(tx, input.actor, license, { basis: 'grant', grantId: grant.id, departmentId: input.departmentId, caseId: input.caseId, caseNumber: input.caseNumber ?? null, purpose: input.purpose });
}

function assertUsable(license: LicenseRecord): void {
  const status = effectiveStatus(license, todayInBeijing());
  if (status !== 'valid') throw new AppError('CONFLICT', { detail: 'license.notUsable', params: { status: messageRef(`license.status.${status}`) } });
}

/**
 * POST /api/licenses/:id/uses — a department's staff read a licence under the holder's grant to their department
 * (or, for the issuing department, as issuer). Grants to a case are used through readLicenseForCase by the cases
 * domain, which knows who handles the case.
 */
export async function useLicenseAsDepartment(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: UseLicenseInput }): Promise<LicenseView> {
  requirePermission(actor, 'license.read');
  if (!isStaff(actor) || !actor.departmentId) throw new AppError('FORBIDDEN');
  const departmentId = actor.departmentId;
  await inTransaction(kernel.db, async (tx) => {
    const license = await findLicense(tx, id);
    if (!license) throw licenseNotFound();
    const isIssuer = canAccessRecord(actor, { regionCode: license.issuer_region_code, departmentId: license.issuer_department_id });
    const grant = isIssuer ? undefined : await findActiveGrant(tx, license.id, { departmentId }, new Date());
    if (!isIssuer && (!grant || grant.grantee_kind !== 'department')) throw new AppError('FORBIDDEN', { detail: 'license.noGrant' });
    assertUsable(license);
    await recordUse(tx, actor, license, { basis: grant ? 'grant' : 'issuer', grantId: grant?.id ?? null, departmentId, caseId: null, caseNumber: input.caseNumber ?? null, purpose: input.purpose });
  });
  // The recorded use is the read: no separate audit of reading the view.
  return licenseViewOf(kernel, await getLicenseRow(kernel, id), 'staff');
}

function toUseView(row: UseWithLicense): LicenseUseView {
  return {
    id: row.id,
    licenseId: row.license_id,
    identifier: row.identifier,
    typeName: row.type_name,
    basis: row.basis,
    departmentId: row.department_id,
    departmentName: row.department_name,
    userName: row.user_name,
    caseId: row.case_id,
    caseNumber: row.case_number,
    purpose: row.purpose,
    at: row.at.toISOString(),
  };
}

/** Who used one licence: for its holder and its issuing department. */
export async function listLicenseUses(kernel: Kernel, { actor, id, page }: { actor: Actor; id: string; page: { page: number; pageSize: number } }): Promise<{ items: LicenseUseView[]; total: number }> {
  const license = await getLicenseRow(kernel, id);
  await readerOf(kernel.db, actor, license);
  const { rows, total } = await listUseRows(kernel.db, { licenseId: id }, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  return { items: rows.map(toUseView), total };
}

/** Every use of the holder's licences, newest first (their licence data tracker). */
export async function listMyLicenseUses(kernel: Kernel, { actor, page }: { actor: Actor; page: { page: number; pageSize: number } }): Promise<{ items: LicenseUseView[]; total: number }> {
  const keys = await requireHolder(kernel.db, actor);
  const { rows, total } = await listUseRows(kernel.db, { holder: keys }, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  return { items: rows.map(toUseView), total };
}


import type { CreateLicenseGrantInput, LicenseGrantListQuery, LicenseGrantStatus, LicenseGrantView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { findDepartment } from '../departments';
import { requireHolder } from './access';
import { isHeldBy } from './holders';
import { findGrantWithLicense, insertGrant, listHolderGrants, lockGrant, markGrantRevoked, type GrantWithLicense } from './grants-repo';
import { findLicense } from './repo';
import { effectiveStatus, todayInBeijing } from './workflow';

// 自主授权: the holder lets one department, or whoever handles one case, use one licence for a while (at most 90
// days, 30 by default), and may withdraw it at any time. Every grant and withdrawal is audited and announced.

export function grantStatusOf(row: { revoked_at: Date | null; valid_until: Date }, now: Date): LicenseGrantStatus {
  if (row.revoked_at) return 'revoked';
  return row.valid_until > now ? 'active' : 'expired';
}

function toGrantView(row: GrantWithLicense, now: Date): LicenseGrantView {
  return {
    id: row.id,
    licenseId: row.license_id,
    identifier: row.identifier,
    typeName: row.type_name,
    grantee: { kind: row.grantee_kind, departmentId: row.grantee_department_id, departmentName: row.department_name, caseId: row.grantee_case_id, caseNumber: row.grantee_case_number },
    purpose: row.purpose,
    validUntil: row.valid_until.toISOString(),
    status: grantStatusOf(row, now),
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

const grantNotFound = () => new AppError('NOT_FOUND', { detail: 'license.grantNotFound' });

export async function createGrant(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateLicenseGrantInput }): Promise<LicenseGrantView> {
  const keys = await requireHolder(kernel.db, actor);
  if (actor.kind !== 'account') throw new AppError('FORBIDDEN');
  const license = await findLicense(kernel.db, input.licenseId);
  // Someone else's licence does not exist, as far as this caller is concerned.
  if (!license || !isHeldBy(license, keys)) throw new AppError('NOT_FOUND', { detail: 'license.notFound' });
  if (effectiveStatus(license, todayInBeijing()) !== 'valid') throw new AppError('CONFLICT', { detail: 'license.grantInvalidLicense' });
  const grantee = input.grantee;
  if (grantee.kind === 'department') {
    const department = await findDepartment(kernel.db, grantee.departmentId);
    if (!department || !department.is_active) throw invalid([{ field: 'grantee.departmentId', code: 'license.grantDepartment' }]);
  }
  const id = newId();
  const now = new Date();
  const validUntil = new Date(now.getTime() + input.days * 86_400_000);
  await inTransaction(kernel.db, async (tx) => {
    await insertGrant(tx, {
      id,
      license_id: license.id,
      granted_by: actor.accountId,
      grantee_kind: grantee.kind,
      grantee_department_id: grantee.kind === 'department' ? grantee.departmentId : null,
      grantee_case_id: grantee.kind === 'case' ? (grantee.caseId ?? null) : null,
      grantee_case_number: grantee.kind === 'case' ? (grantee.caseNumber ?? null) : null,
      purpose: input.purpose,
      valid_until: validUntil,
      created_at: now,
    });
    const detail = { licenseId: license.id, identifier: license.identifier, grantee, purpose: input.purpose, validUntil: validUntil.toISOString() };
    await audit(tx, actor, { action: 'license-grant.create', objectType: 'license', objectId: license.id, detail: { grantId: id, ...detail } });
    await emit(tx, 'license-grant.created', { id, ...detail });
  });
  const created = await findGrantWithLicense(kernel.db, id);
  if (!created) throw grantNotFound();
  return toGrantView(created, new Date());
}

export async function listGrants(kernel: Kernel, { actor, query }: { actor: Actor; query: LicenseGrantListQuery }): Promise<{ items: LicenseGrantView[]; total: number }> {
  const keys = await requireHolder(kernel.db, actor);
  const now = new Date();
  const { rows, total } = await listHolderGrants(kernel.db, keys, { licenseId: query.licenseId, status: query.status, now }, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: rows.map((r) => toGrantView(r, now)), total };
}

/** The holder withdraws a grant; from then on the department or case can no longer use the licence. */
export async function revokeGrant(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<LicenseGrantView> {
  const keys = await requireHolder(kernel.db, actor);
  if (actor.kind !== 'account') throw new AppError('FORBIDDEN');
  await inTransaction(kernel.db, async (tx) => {
    const grant = await lockGrant(tx, id);
    const license = grant && (await findLicense(tx, grant.license_id));
    if (!grant || !license || !isHeldBy(license, keys)) throw grantNotFound();
    const now = new Date();
    if (grantStatusOf(grant, now) !== 'active') throw new AppError('CONFLICT', { detail: 'license.grantNotActive' });
    await markGrantRevoked(tx, id, actor.accountId, now);
    await audit(tx, actor, { action: 'license-grant.revoke', objectType: 'license', objectId: license.id, detail: { grantId: id, identifier: license.identifier } });
    await emit(tx, 'license-grant.revoked', { id, licenseId: license.id, identifier: license.identifier, granteeKind: grant.grantee_kind, departmentId: grant.grantee_department_id, caseId: grant.grantee_case_id, caseNumber: grant.grantee_case_number });
  });
  const revoked = await findGrantWithLicense(kernel.db, id);
  if (!revoked) throw grantNotFound();
  return toGrantView(revoked, new Date());
}

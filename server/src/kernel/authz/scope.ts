import type { Permission } from '@zhengtong/contracts';
import { AppError } from '../errors';
import type { Actor, AccountActor } from './actor';

const levelDigits = { province: 2, city: 4, county: 6, town: 9, village: 12 } as const;
export type RegionLevelName = keyof typeof levelDigits;

/** The significant prefix of a 12-digit region code: 530102000000 → 530102 (a county). */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000000000')) return code.slice(0, 2);
  if (code.endsWith('00000000')) return code.slice(0, 4);
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code;
}

export function levelOfCode(code: string): RegionLevelName {
  const n = regionPrefix(code).length;
  return (Object.keys(levelDigits) as RegionLevelName[]).find((k) => levelDigits[k] === n) ?? 'village';
}

/** True when `code` lies inside (or is) the region `scopeCode`. */
export function regionContains(scopeCode: string, code: string): boolean {
  return code.startsWith(regionPrefix(scopeCode));
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'system' || (actor.kind === 'account' && actor.permissions.has(permission));
}

export function requirePermission(actor: Actor, permission: Permission): asserts actor is AccountActor | Extract<Actor, { kind: 'system' }> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(actor, permission)) throw new AppError('FORBIDDEN');
}

/** What a record says about whom it belongs to; any field may be absent. */
export type RecordScope = {
  regionCode?: string | null;
  departmentId?: string | null;
  ownerAccountId?: string | null;
  enterpriseId?: string | null;
};

/**
 * The one record-level check. Citizens see only their own records, enterprises only the enterprise they act for,
 * staff only records in their region and, when the record belongs to a department, their own department unless
 * their permission is region-wide (platform admins).
 */
export function canAccessRecord(actor: Actor, record: RecordScope, options: { regionWide?: boolean } = {}): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'anonymous':
      return false;
    case 'account':
      break;
  }
  switch (actor.accountType) {
    case 'citizen':
    case 'enterprise':
      // A citizen acting as an enterprise's authorised agent (经办人) carries that enterprise's id.
      return (
        (record.enterpriseId != null && record.enterpriseId === actor.enterpriseId) ||
        (record.ownerAccountId != null && record.ownerAccountId === actor.accountId)
      );
    case 'staff': {
      if (record.regionCode && (!actor.regionCode || !regionContains(actor.regionCode, record.regionCode))) return false;
      if (!options.regionWide && record.departmentId && record.departmentId !== actor.departmentId) return false;
      return true;
    }
  }
}

export function assertCanAccess(actor: Actor, record: RecordScope, options: { regionWide?: boolean } = {}): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!canAccessRecord(actor, record, options)) throw new AppError('OUT_OF_SCOPE');
}

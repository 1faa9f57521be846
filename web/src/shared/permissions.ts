import type { MeView, Permission } from '@zhengtong/contracts';

export function can(me: MeView | null | undefined, permission: Permission): boolean {
  return Boolean(me?.permissions.includes(permission));
}

export function canAny(me: MeView | null | undefined, permissions: readonly Permission[]): boolean {
  return permissions.some((p) => can(me, p));
}

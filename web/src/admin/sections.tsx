import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CalendarOutlined,
  ClusterOutlined,
  IdcardOutlined,
  KeyOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { MeView, Permission } from '@zhengtong/contracts';
import { canAny } from '../shared/permissions';

export type AdminSectionKey = 'catalogue' | 'licenseTypes' | 'regions' | 'departments' | 'staff' | 'roles' | 'oidcClients' | 'calendar' | 'securityPolicy' | 'seals' | 'audit' | 'outbox';

export type AdminSection = { key: AdminSectionKey; path: string; anyOf: readonly Permission[]; icon: ReactNode };

/**
 * The 管理后台 menu. Each entry shows only to those whose roles carry its permission, so the system admin,
 * the security admin and the auditor (三员分立) each see their own part.
 */
export const adminSections: readonly AdminSection[] = [
  { key: 'catalogue', path: '/admin/catalogue', anyOf: ['service-item.manage', 'service-item.review'], icon: <AppstoreOutlined /> },
  { key: 'licenseTypes', path: '/admin/license-types', anyOf: ['license-type.manage'], icon: <IdcardOutlined /> },
  { key: 'regions', path: '/admin/regions', anyOf: ['region.manage'], icon: <ClusterOutlined /> },
  { key: 'departments', path: '/admin/departments', anyOf: ['department.manage'], icon: <ApartmentOutlined /> },
  { key: 'staff', path: '/admin/staff', anyOf: ['staff.read'], icon: <TeamOutlined /> },
  { key: 'roles', path: '/admin/roles', anyOf: ['role.assign'], icon: <UserSwitchOutlined /> },
  { key: 'oidcClients', path: '/admin/oidc-clients', anyOf: ['oidc-client.manage'], icon: <KeyOutlined /> },
  { key: 'calendar', path: '/admin/calendar', anyOf: ['calendar.manage'], icon: <CalendarOutlined /> },
  { key: 'securityPolicy', path: '/admin/security-policy', anyOf: ['security.policy'], icon: <SafetyOutlined /> },
  { key: 'seals', path: '/admin/seals', anyOf: ['seal.manage'], icon: <SafetyCertificateOutlined /> },
  { key: 'audit', path: '/admin/audit', anyOf: ['audit.read'], icon: <AuditOutlined /> },
  { key: 'outbox', path: '/admin/outbox', anyOf: ['outbox.read'], icon: <MailOutlined /> },
];

export const adminPermissions: readonly Permission[] = [...new Set(adminSections.flatMap((s) => s.anyOf))];

export function visibleAdminSections(me: MeView | null | undefined): AdminSection[] {
  return adminSections.filter((s) => canAny(me, s.anyOf));
}

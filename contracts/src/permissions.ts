/**
 * Roles and what they may do. Routes declare one permission each; the server checks it and, for
 * records, the actor's region and department scope (server/src/kernel/authz).
 */
export const permissions = [
  'region.manage',
  'department.manage',
  'staff.read',
  'staff.manage',
  'role.assign',
  'account.unlock',
  'security.policy',
  'oidc-client.manage',
  'calendar.manage',
  'audit.read',
  'audit.export',
  'person.read',
  'person.unmask',
  'enterprise.read',
  'outbox.read',
  'cockpit.view',
  // Service item catalogue (GB/T 39554): editing implementations and drafts; reviewing and publishing versions.
  'service-item.manage',
  'service-item.review',
  // Cases (办件): see services/cases/workflow.ts for which action needs which.
  'case.read',
  // Region-wide read of cases (leaders, supervision), beyond the reader's own department.
  'case.oversee',
  'case.accept',
  // 综合窗口: file for walk-in applicants and accept any department's items in the clerk's region (一窗受理).
  'case.window',
  'case.review',
  'case.decide',
  // The dishonesty list that bars 告知承诺 until the credit domain provides it.
  'credit-blacklist.manage',
  // 电子印章: make department seals (key pair + image) and revoke them; the security admin's, not the system admin's.
  'seal.manage',
  // 证照目录: define licence types (fields, validity, trust level) and map service items to them.
  'license-type.manage',
  // 电子证照: read the department's licences; issue them by hand or import historical ones; suspend, restore, revoke.
  'license.read',
  'license.issue',
  'license.manage',
  // 一人一码/一企一码: scan a holder's code at a hall or partner system and read the attributes the holder consented to.
  'identity-code.scan',
  // 数据资源目录: a department's data admin catalogues its own resources and loads their records; the platform
  // (首席数据官 / 大数据局) reviews and publishes entries of every department.
  'data-resource.manage',
  'data-resource.review',
  // 共享交换: a consuming department requests resources and files demands (需求清单); the platform approves every
  // request (2 working days), the provider also answers conditional ones (5 working days).
  'share-request.create',
  'share-request.review',
  'share-request.answer',
  // 人口库/法人库: browse the base registries (masked) and their cross-check reports; verify disputed values (异议核实).
  'registry.read',
  'data-dispute.handle',
  // 数据开放: publish datasets and decide applications for data open on conditions.
  'open-data.manage',
  // 可用不可见: run aggregate-only queries within the consumer's privacy budget.
  'aggregate-query.run',
  // Data metrics (共享需求满足率, calls, quality) for the platform and, for their own resources, the providers.
  'data.metrics',
] as const;
export type Permission = (typeof permissions)[number];

export const staffRoles = [
  'sysadmin',
  'secadmin',
  'auditor',
  'clerk',
  'reviewer',
  'hotline-agent',
  'dispatcher',
  'handler',
  'grid-worker',
  'command-operator',
  'inspector',
  'data-admin',
  'data-consumer',
  'chief-data-officer',
  'leader',
  'catalogue-admin',
  'catalogue-editor',
] as const;
export type StaffRole = (typeof staffRoles)[number];
export type Role = StaffRole | 'citizen' | 'enterprise';

/** 三员分立 (等保2.0): no account may hold two of these. */
export const separatedRoles: readonly StaffRole[] = ['sysadmin', 'secadmin', 'auditor'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  // System admin runs the platform's structure but cannot grant roles or read the audit trail.
  sysadmin: ['region.manage', 'department.manage', 'staff.read', 'staff.manage', 'oidc-client.manage', 'calendar.manage', 'outbox.read', 'credit-blacklist.manage'],
  // Security admin grants roles and sets policy but does not run the structure or audit itself.
  secadmin: ['staff.read', 'role.assign', 'account.unlock', 'security.policy', 'seal.manage'],
  auditor: ['audit.read', 'audit.export'],
  clerk: ['person.read', 'enterprise.read', 'case.read', 'case.accept', 'case.window', 'license.read', 'identity-code.scan'],
  reviewer: ['person.read', 'enterprise.read', 'person.unmask', 'case.read', 'case.review', 'case.decide', 'license.read', 'license.issue', 'license.manage'],
  'hotline-agent': ['person.read'],
  dispatcher: ['person.read'],
  handler: ['case.read', 'case.review'],
  'grid-worker': ['person.read'],
  'command-operator': ['cockpit.view'],
  inspector: ['enterprise.read', 'case.read', 'case.review', 'license.read', 'identity-code.scan'],
  // A department's 数据管理员: its own resources, their records, share requests and disputes addressed to it.
  'data-admin': ['data-resource.manage', 'share-request.answer', 'data-dispute.handle', 'registry.read', 'data.metrics'],
  // A consuming department's officer: requests resources, holds the exchange credentials, runs aggregate queries.
  'data-consumer': ['share-request.create', 'aggregate-query.run'],
  // The platform's 首席数据官 (大数据局): reviews the catalogue, approves requests, runs open data, watches the metrics.
  'chief-data-officer': ['data-resource.manage', 'data-resource.review', 'share-request.review', 'registry.read', 'open-data.manage', 'data.metrics'],
  // Leaders read their region's cases; they decide only where an item's workflow names them for 决定.
  leader: ['cockpit.view', 'case.read', 'case.oversee', 'case.decide'],
  // The platform's 事项管理员 keeps the region's catalogue (items, any department's implementations) and publishes.
  'catalogue-admin': ['service-item.manage', 'service-item.review', 'license-type.manage'],
  // A department's own catalogue editor keeps that department's implementations and submits them for review.
  'catalogue-editor': ['service-item.manage'],
  citizen: [],
  enterprise: [],
};

export const roleNames: Record<Role, { 'zh-CN': string; 'en-US': string }> = {
  sysadmin: { 'zh-CN': '系统管理员', 'en-US': 'System administrator' },
  secadmin: { 'zh-CN': '安全管理员', 'en-US': 'Security administrator' },
  auditor: { 'zh-CN': '安全审计员', 'en-US': 'Auditor' },
  clerk: { 'zh-CN': '综合窗口人员', 'en-US': 'Front-desk clerk' },
  reviewer: { 'zh-CN': '审批人员', 'en-US': 'Reviewer' },
  'hotline-agent': { 'zh-CN': '12345 坐席', 'en-US': 'Hotline agent' },
  dispatcher: { 'zh-CN': '派单员', 'en-US': 'Dispatcher' },
  handler: { 'zh-CN': '承办人员', 'en-US': 'Handling officer' },
  'grid-worker': { 'zh-CN': '网格员', 'en-US': 'Grid worker' },
  'command-operator': { 'zh-CN': '指挥中心值班员', 'en-US': 'Command-centre operator' },
  inspector: { 'zh-CN': '执法人员', 'en-US': 'Inspector' },
  'data-admin': { 'zh-CN': '数据管理员', 'en-US': 'Data administrator' },
  'data-consumer': { 'zh-CN': '数据使用人员', 'en-US': 'Data consumer' },
  'chief-data-officer': { 'zh-CN': '首席数据官(平台数据管理员)', 'en-US': 'Chief data officer (platform)' },
  leader: { 'zh-CN': '领导', 'en-US': 'Leader' },
  'catalogue-admin': { 'zh-CN': '事项管理员', 'en-US': 'Service catalogue administrator' },
  'catalogue-editor': { 'zh-CN': '部门事项编辑员', 'en-US': 'Department catalogue editor' },
  citizen: { 'zh-CN': '群众', 'en-US': 'Citizen' },
  enterprise: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => rolePermissions[r]));
}

/** The separated roles a set of roles would combine, empty when 三员分立 holds. */
export function separationConflict(roles: readonly Role[]): StaffRole[] {
  const held = separatedRoles.filter((r) => roles.includes(r));
  return held.length > 1 ? held : [];
}

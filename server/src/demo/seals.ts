import type { SealKind } from '@zhengtong/contracts';
import type { Kernel } from '../kernel/context';
import { systemActor } from '../kernel/authz';
import { findDepartmentByCreditCode } from '../platform/departments';
import { createSeal } from '../platform/seals';
import { demoDepartments, departmentCreditCode } from './people';
import { enterpriseItems } from './service-items-enterprise';
import { personItems } from './service-items-person';

/** Departments that issue licences (证照) in the demo city; they carry a 证照专用章 besides the 行政审批专用章. */
const licensingDepartments: ReadonlySet<string> = new Set(['market', 'public-security', 'health', 'transport']);

/** Every demo department that offers services gets a 行政审批专用章; the licensing ones also a 证照专用章. */
export async function seedDemoSeals(kernel: Kernel): Promise<void> {
  const actor = systemActor('demo-seed');
  const items = [...personItems, ...enterpriseItems];
  const offering = new Set(items.map((i) => i.department));
  // 青石县政务服务管理局 implements the items that have a county version (相对集中行政许可权).
  if (items.some((i) => i.county)) offering.add('qingshi-service');
  for (const d of demoDepartments.filter((d) => offering.has(d.key))) {
    const department = await findDepartmentByCreditCode(kernel.db, departmentCreditCode(d.region, d.orgBase));
    if (!department) throw new Error(`demo seals: unknown department ${d.key}`);
    const kinds: SealKind[] = licensingDepartments.has(d.key) ? ['approval', 'licence'] : ['approval'];
    for (const kind of kinds) await createSeal(kernel, { actor, input: { departmentId: department.id, kind } });
  }
}

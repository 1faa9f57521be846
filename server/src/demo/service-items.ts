import type { ItemVersionElements } from '@zhengtong/contracts';
import type { Kernel } from '../kernel/context';
import { systemActor } from '../kernel/authz';
import { findDepartmentByCreditCode } from '../platform/departments';
import { approveVersion, createDraft, createImplementation, createServiceItem, submitVersion, updateDraft, updateServiceItem } from '../services/catalogue';
import { demoDepartments, departmentCreditCode } from './people';
import { enterpriseItems } from './service-items-enterprise';
import { basis } from './service-items-kit';
import { personItems } from './service-items-person';

const CITY = '539900000000';
const COUNTY = '539921000000';

/**
 * 云溪市's catalogue: every item implemented by its city department and published; a few also by 青石县 (showing
 * 四级四同 local differences), and one whose legal basis was amended after 青石县 published (the report flags it).
 */
export async function seedDemoServiceItems(kernel: Kernel): Promise<void> {
  const actor = systemActor('demo-seed');
  const departmentIds = new Map<string, string>();
  for (const d of demoDepartments) {
    const row = await findDepartmentByCreditCode(kernel.db, departmentCreditCode(d.region, d.orgBase));
    if (row) departmentIds.set(d.key, row.id);
  }
  const idOf = (key: string) => {
    const id = departmentIds.get(key);
    if (!id) throw new Error(`demo catalogue: unknown department ${key}`);
    return id;
  };
  // The data names countersigning departments by their demo keys.
  const resolve = (e: ItemVersionElements): ItemVersionElements => ({
    ...e,
    workflow: { ...e.workflow, steps: e.workflow.steps.map((s) => ({ ...s, departmentIds: s.departmentIds.map(idOf) })) },
  });
  const publish = async (implementationId: string, elements: ItemVersionElements) => {
    const draft = await createDraft(kernel, { actor, implementationId, input: {} });
    const edited = await updateDraft(kernel, { actor, id: draft.id, input: { elements: resolve(elements), revision: draft.revision } });
    const submitted = await submitVersion(kernel, { actor, id: draft.id, input: { revision: edited.revision, note: '' } });
    return approveVersion(kernel, { actor, id: draft.id, input: { revision: submitted.revision, note: '示例城市首批事项' } });
  };

  for (const [i, demo] of [...personItems, ...enterpriseItems].entries()) {
    const item = await createServiceItem(kernel, { actor, input: { ...demo.item, sort: (i + 1) * 10, regionCode: CITY } });
    const city = await createImplementation(kernel, { actor, serviceItemId: item.id, input: { departmentId: idOf(demo.department) } });
    await publish(city.id, demo.elements);
    if (!demo.county) continue;
    const county = await createImplementation(kernel, { actor, serviceItemId: item.id, input: { departmentId: idOf('qingshi-service'), regionCode: COUNTY } });
    await publish(county.id, demo.county(demo.elements));

    // 公共场所卫生许可: the basis gains the 2017 implementing rules; the city republishes, 青石县 has not yet.
    if (demo.item.basicCode === '000106002000') {
      const amended = await updateServiceItem(kernel, {
        actor,
        id: item.id,
        input: { basis: [...demo.item.basis, basis('《公共场所卫生管理条例实施细则》', '第二十四条', '卫生计生行政部门应当自受理公共场所卫生许可申请之日起 20 日内,对申报资料进行审查。')], version: item.version },
      });
      await publish(city.id, { ...demo.elements, changeNote: `设定依据增加《公共场所卫生管理条例实施细则》第二十四条(事项第 ${amended.version} 次修订)` });
    }
  }
}

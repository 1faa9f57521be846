import { createDataResourceInput, type DataRecordValues } from '@zhengtong/contracts';
import type { Kernel } from '../kernel/context';
import { systemActor } from '../kernel/authz';
import { inTransaction } from '../kernel/audit';
import { findDepartmentByCreditCode } from '../platform/departments';
import { createResource, getPublishedResource, loadRecords, publishResource, retireResource, submitResource, writeRecords } from '../data/catalogue';
import { tables } from '../data/catalogue/tables';
import { demoResources, type DemoResource } from './data-catalogue-resources';
import {
  airQualityRecords,
  foodLicenceRecords,
  hotlineRecords,
  hygienePermitRecords,
  medicalInsuranceRecords,
  minimumLivingRecords,
  oldMedicalInstitutionRecords,
  roadTransportRecords,
  socialInsuranceRecords,
} from './data-catalogue-records';
import { demoDepartments, departmentCreditCode } from './people';

// 数据资源目录 of 云溪市, catalogued through the same paths as staff: each entry drafted for its provider, submitted
// and published (or left in review, left a draft, or retired) by the platform, and the records of the table
// resources loaded with the same per-row checks. The registries domain fills the 人口库 and 法人库 records.

const records: Record<string, () => DataRecordValues[]> = {
  '539900-RS-0001': socialInsuranceRecords,
  '539900-SJ-0002': foodLicenceRecords,
  '539900-WJ-0001': hygienePermitRecords,
  '539900-MZ-0001': minimumLivingRecords,
  '539900-JT-0001': roadTransportRecords,
  '539900-CY-0001': airQualityRecords,
  '539900-RX-0001': hotlineRecords,
  '539900-YB-0001': medicalInsuranceRecords,
  '539900-WJ-0002': oldMedicalInstitutionRecords,
};

/** How long ago some providers last loaded records, so the quality page has late resources to show (days). */
const lastLoadedDaysAgo: Record<string, number> = { '539900-RX-0001': 45, '539900-JT-0001': 130, '539900-WJ-0001': 9 };

async function departmentIdOf(kernel: Kernel, key: string): Promise<string> {
  const d = demoDepartments.find((x) => x.key === key);
  const found = d ? await findDepartmentByCreditCode(kernel.db, departmentCreditCode(d.region, d.orgBase)) : undefined;
  if (!found) throw new Error(`demo catalogue: no department ${key}`);
  return found.id;
}

async function definitionOf(kernel: Kernel, r: DemoResource) {
  const d = r.definition;
  const fields = await Promise.all(
    d.fields.map(async ({ source, ...f }) => ({
      type: 'string',
      shareType: d.shareType,
      openType: d.openType,
      ...f,
      sourceDepartmentId: source ? await departmentIdOf(kernel, source) : null,
    })),
  );
  return { ...d, fields };
}

export async function seedDemoDataCatalogue(kernel: Kernel): Promise<void> {
  const actor = systemActor('demo-seed');
  for (const r of demoResources) {
    const providerDepartmentId = await departmentIdOf(kernel, r.provider);
    const definition = await definitionOf(kernel, r);
    const input = createDataResourceInput.parse({ code: r.code, providerDepartmentId, sourceKind: r.sourceKind, definition, note: '首次编目' });
    const created = await createResource(kernel, { actor, input });
    const id = created.id;
    let version = created.version;
    const state = r.state ?? 'published';
    if (state === 'draft') continue;
    ({ version } = await submitResource(kernel, { actor, id, version }));
    if (state === 'review') continue;
    ({ version } = await publishResource(kernel, { actor, id, version, input: { note: '经审核,符合数据资源目录编制要求' } }));
    const rows = records[r.code]?.() ?? [];
    if (rows.length > 0) {
      const report = await loadRecords(kernel, { actor, id, rows: rows.map((values, i) => ({ row: i + 1, values })), dryRun: false, source: 'api' });
      if (!report.isApplied) throw new Error(`demo records of ${r.code}: ${JSON.stringify(report.errors.slice(0, 3))}`);
    }
    if (state === 'retired') await retireResource(kernel, { actor, id, version, input: { reason: r.retiredBecause ?? '停止更新' } });
  }
  await legacyRecords(kernel);
  await backdateLoads(kernel);
}

/**
 * 医保参保信息 also holds two rows migrated from the old insurance system before uploads were checked (a mistyped
 * ID number, an impossible date), written as the registries write theirs: the quality score finds them.
 */
async function legacyRecords(kernel: Kernel): Promise<void> {
  const resource = await getPublishedResource(kernel.db, '539900-YB-0001');
  await inTransaction(kernel.db, (tx) =>
    writeRecords(tx, kernel.keys, resource, [
      { idNumber: '539921196502301234', name: '旧系统迁移甲', insuranceType: '城乡居民基本医疗保险', status: '正常参保', insuredSince: '2009-13-01', aidCategory: null },
      { idNumber: '53992119700101002X', name: '旧系统迁移乙', insuranceType: '职工基本医疗保险', status: '正常参保', insuredSince: null, aidCategory: null },
    ]),
  );
}

/** Demo history: the providers of these resources last loaded records a while ago. */
async function backdateLoads(kernel: Kernel): Promise<void> {
  for (const [code, days] of Object.entries(lastLoadedDaysAgo)) {
    const at = new Date(Date.now() - days * 86_400_000);
    await tables(kernel.db).updateTable('data_resources').set({ records_updated_at: at }).where('code', '=', code).execute();
    await tables(kernel.db).updateTable('data_records').set({ updated_at: at }).where('resource_id', '=', (eb) => eb.selectFrom('data_resources').select('id').where('code', '=', code)).execute();
  }
}

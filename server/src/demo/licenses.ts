import { createLicenseTypeInput, type CreateLicenseTypeInput, type IssueLicenseInput } from '@zhengtong/contracts';
import type { Kernel } from '../kernel/context';
import { systemActor } from '../kernel/authz';
import { findDepartmentByCreditCode } from '../platform/departments';
import { changeLicenseStatus, createLicenseType, importLicenses, issueLicense, licenseIdByIdentifier, type ImportRow } from '../platform/licenses';
import { createSeal, sealFor } from '../platform/seals';
import { demoCitizens, demoDepartments, demoEnterprises, demoIdNumber, departmentCreditCode, enterpriseCreditCode } from './people';

// 云溪市's licence catalogue (证照目录) and a few licences held by the demo citizens and enterprises, issued through the
// same paths as staff use (signed with each department's 证照专用章). Type codes are the ones the demo service items
// name on their government-issued materials (免证办: 111 居民身份证, 301 营业执照 …), so applying for those items
// fetches the licence instead of asking for an upload. Completed demo cases of the mapped items issue more licences
// when the outbox delivers case.completed.

type DemoType = Omit<CreateLicenseTypeInput, 'departmentId' | 'holderSource' | 'description' | 'issuingBasicCodes'> & {
  department: string;
  issuingBasicCodes?: string[];
  holderSource?: CreateLicenseTypeInput['holderSource'];
  description?: string;
};

const text = (key: string, name: string, source: string | null = null, isRequired = false) => ({ key, name, kind: 'text' as const, isRequired, source });
const date = (key: string, name: string, source: string | null = null, isRequired = false) => ({ key, name, kind: 'date' as const, isRequired, source });

export const demoLicenseTypes: DemoType[] = [
  {
    code: '111',
    name: '居民身份证',
    department: 'public-security',
    holderType: 'person',
    fields: [text('cardNo', '证件签发编号', 'result.cardNo', true), date('validUntil', '有效期至', 'result.validUntil', true), text('issuingAuthority', '签发机关')],
    validity: { mode: 'field', field: 'validUntil' },
    trustLevel: 'A',
    issuingBasicCodes: ['000105002000'],
  },
  {
    code: '112',
    name: '居民户口簿',
    department: 'public-security',
    holderType: 'person',
    fields: [text('householdNo', '户号', 'result.householdNo', true), text('householdType', '户别'), text('address', '住址')],
    validity: { mode: 'permanent' },
    trustLevel: 'A',
    issuingBasicCodes: ['000105003000'],
  },
  {
    code: '113',
    name: '结婚证',
    department: 'civil',
    holderType: 'person',
    fields: [text('certificateNo', '结婚证字号', 'result.certificateNo', true), date('registeredOn', '登记日期', 'case.completedOn')],
    validity: { mode: 'permanent' },
    trustLevel: 'A',
    issuingBasicCodes: ['070109003000'],
  },
  {
    code: '206',
    name: '出生医学证明',
    department: 'health',
    holderType: 'person',
    description: '由助产机构签发;持证人为新生儿的父亲或母亲(办理出生登记时免于提交)。',
    fields: [text('certificateNo', '出生医学证明编号', null, true), text('childName', '新生儿姓名', null, true), date('birthDate', '出生日期', null, true), text('birthPlace', '出生地点'), text('motherName', '母亲姓名'), text('fatherName', '父亲姓名')],
    validity: { mode: 'permanent' },
    trustLevel: 'A',
  },
  {
    code: '131',
    name: '社会保障卡',
    department: 'hrss',
    holderType: 'person',
    fields: [text('cardNo', '社会保障卡卡号', 'result.cardNo', true)],
    validity: { mode: 'years', years: 10 },
    trustLevel: 'A',
    issuingBasicCodes: ['200108001000'],
  },
  {
    code: '141',
    name: '残疾人证',
    department: 'civil',
    holderType: 'person',
    fields: [text('certificateNo', '残疾人证号', 'result.certificateNo', true), text('level', '残疾等级(级)', 'result.level', true)],
    validity: { mode: 'years', years: 10 },
    trustLevel: 'A',
    issuingBasicCodes: ['200109002000'],
  },
  {
    code: '502',
    name: '机动车驾驶证',
    department: 'public-security',
    holderType: 'person',
    fields: [text('licenceNo', '证号', null, true), text('vehicleClass', '准驾车型', null, true), date('firstIssuedOn', '初次领证日期'), date('validUntil', '有效期至', null, true)],
    validity: { mode: 'field', field: 'validUntil' },
    trustLevel: 'A',
  },
  {
    code: '301',
    name: '营业执照',
    department: 'market',
    holderType: 'enterprise',
    // 个体工商户设立登记 makes a new business: the holder is the credit code the case assigned, named as the applicant.
    holderSource: { name: 'applicant', number: 'result.creditCode' },
    fields: [
      text('entityType', '类型'),
      text('legalRepresentative', '法定代表人(经营者)'),
      text('registeredCapital', '注册资本'),
      date('registeredOn', '成立日期', 'result.registeredOn', true),
      text('address', '住所(经营场所)'),
      text('businessScope', '经营范围'),
    ],
    validity: { mode: 'permanent' },
    trustLevel: 'A',
    issuingBasicCodes: ['000111001000'],
  },
  {
    code: '321',
    name: '食品经营许可证',
    department: 'market',
    holderType: 'enterprise',
    fields: [text('licenceNo', '许可证编号', 'result.licenceNo', true), text('activities', '经营项目'), text('premises', '经营场所'), date('validUntil', '有效期至', 'result.validUntil', true)],
    validity: { mode: 'field', field: 'validUntil' },
    trustLevel: 'A',
    issuingBasicCodes: ['000111005000'],
  },
  {
    code: '331',
    name: '公共场所卫生许可证',
    department: 'health',
    holderType: 'enterprise',
    fields: [text('licenceNo', '许可证编号', 'result.licenceNo', true), text('premises', '经营场所'), date('validUntil', '有效期至', 'result.validUntil', true)],
    validity: { mode: 'field', field: 'validUntil' },
    trustLevel: 'A',
    issuingBasicCodes: ['000106002000'],
  },
  {
    code: '341',
    name: '道路运输经营许可证',
    department: 'transport',
    holderType: 'enterprise',
    fields: [text('licenceNo', '许可证编号', 'result.licenceNo', true), text('scope', '经营范围'), date('validUntil', '有效期至', 'result.validUntil', true)],
    validity: { mode: 'field', field: 'validUntil' },
    trustLevel: 'A',
    issuingBasicCodes: ['000112001000'],
  },
  {
    code: '311',
    name: '不动产权证书',
    department: 'housing',
    holderType: 'person',
    fields: [text('certificateNo', '不动产权证书号', 'result.certificateNo', true), text('location', '坐落'), text('use', '用途')],
    validity: { mode: 'permanent' },
    trustLevel: 'A',
    issuingBasicCodes: ['070107003000'],
  },
];

/** Departments that issue licences but got only a 行政审批专用章 from the seal seed; 青石县 issues for its county items. */
const extraLicenceSealDepartments = ['hrss', 'civil', 'housing', 'qingshi-service'];

export async function seedDemoLicenses(kernel: Kernel): Promise<void> {
  const actor = systemActor('demo-seed');
  const departmentIds = new Map<string, string>();
  for (const d of demoDepartments) {
    const row = await findDepartmentByCreditCode(kernel.db, departmentCreditCode(d.region, d.orgBase));
    if (row) departmentIds.set(d.key, row.id);
  }
  const idOf = (key: string) => {
    const id = departmentIds.get(key);
    if (!id) throw new Error(`demo licences: unknown department ${key}`);
    return id;
  };
  for (const key of extraLicenceSealDepartments) {
    const has = await sealFor(kernel.db, idOf(key), 'licence').then(() => true, () => false);
    if (!has) await createSeal(kernel, { actor, input: { departmentId: idOf(key), kind: 'licence' } });
  }

  const types = new Map<string, string>();
  for (const t of demoLicenseTypes) {
    const { department, ...rest } = t;
    const created = await createLicenseType(kernel, { actor, input: createLicenseTypeInput.parse({ ...rest, departmentId: idOf(department) }) });
    types.set(t.code, created.id);
  }
  const typeId = (code: string) => types.get(code) ?? '';

  const person = (index: number) => {
    const c = demoCitizens[index];
    if (!c) throw new Error(`demo licences: no citizen ${index}`);
    return { type: 'person' as const, name: c.name, idNumber: demoIdNumber(c.region6, c.birth, c.seq) };
  };
  const enterprise = (index: number) => {
    const e = demoEnterprises[index];
    if (!e) throw new Error(`demo licences: no enterprise ${index}`);
    return { type: 'enterprise' as const, name: e.name, creditCode: enterpriseCreditCode(e) };
  };
  const issue = (input: Omit<IssueLicenseInput, 'fields'> & { fields: Record<string, string> }) => issueLicense(kernel, { actor, input });

  // 张三: his ID card, household register, social security card, driving licence, and his daughter's birth certificate.
  await issue({ typeId: typeId('111'), holder: person(0), fields: { cardNo: '5399020180315', validUntil: '2038-03-15', issuingAuthority: '云溪市公安局澜沧分局' }, validFrom: '2018-03-15' });
  await issue({ typeId: typeId('112'), holder: person(0), fields: { householdNo: '539902010012345', householdType: '家庭户', address: '云溪市澜沧区翠湖街道翠湖路 18 号 2 栋 301 室' }, validFrom: '2010-05-20' });
  await issue({ typeId: typeId('131'), holder: person(0), fields: { cardNo: 'Y53990219880315' }, validFrom: '2021-09-01' });
  await issue({ typeId: typeId('502'), holder: person(0), fields: { licenceNo: '539902198803150118', vehicleClass: 'C1', firstIssuedOn: '2010-07-01', validUntil: '2030-07-01' }, validFrom: '2020-07-01' });
  await issue({ typeId: typeId('206'), holder: person(0), fields: { certificateNo: 'U530123456', childName: '张小溪', birthDate: '2026-04-12', birthPlace: '云溪市妇幼保健院', motherName: '刘梅', fatherName: '张三' }, validFrom: '2026-04-12' });
  // 𠮷祥's social security card; 欧阳䶮's disability card.
  await issue({ typeId: typeId('131'), holder: person(1), fields: { cardNo: 'Y53990219920708' }, validFrom: '2022-03-01' });
  await issue({ typeId: typeId('141'), holder: person(4), fields: { certificateNo: '53992119650505057542', level: '2' }, validFrom: '2023-08-16' });

  // 青禾食品: business licence and food business licence.
  await issue({
    typeId: typeId('301'),
    holder: enterprise(0),
    fields: { entityType: '有限责任公司(自然人投资或控股)', legalRepresentative: '张三', registeredCapital: '伍佰万元整', registeredOn: '2019-06-18', address: '云溪市澜沧区翠湖路 18 号', businessScope: '食品生产;食品销售;农副产品销售;食用农产品初加工(依法须经批准的项目,经相关部门批准后方可开展经营活动)' },
    validFrom: '2019-06-18',
  });
  await issue({ typeId: typeId('321'), holder: enterprise(0), fields: { licenceNo: 'JY15399020012345', activities: '预包装食品销售(含冷藏冷冻食品);散装食品销售', premises: '云溪市澜沧区翠湖路 18 号', validUntil: '2029-06-17' }, validFrom: '2024-06-18' });
  await issue({ typeId: typeId('301'), holder: enterprise(1), fields: { entityType: '有限责任公司', legalRepresentative: '李四', registeredCapital: '贰佰万元整', registeredOn: '2020-03-09', address: '云溪市澜沧区滨江大道 66 号', businessScope: '道路货物运输(不含危险货物);仓储服务;装卸搬运' }, validFrom: '2020-03-09' });
  await issue({ typeId: typeId('341'), holder: enterprise(1), fields: { licenceNo: '滇交运管许可云字 539902000123 号', scope: '普通货运', validUntil: '2028-03-31' }, validFrom: '2024-04-01' });

  // The paper licences before them, made electronic (历史证照电子化): one has expired, one was revoked.
  await importLicenses(kernel, {
    actor,
    typeId: typeId('321'),
    rows: [importRow(2, 'JY15399020009876', enterprise(0).name, enterprise(0).creditCode, '2014-06-18', '2019-06-17', { licenceNo: 'JY15399020009876', activities: '预包装食品销售', premises: '云溪市澜沧区翠湖路 18 号', validUntil: '2019-06-17' })],
  });
  const old = await importLicenses(kernel, {
    actor,
    typeId: typeId('341'),
    rows: [importRow(2, '滇交运管许可云字 539902000088 号', enterprise(1).name, enterprise(1).creditCode, '2023-04-01', '2027-03-31', { licenceNo: '滇交运管许可云字 539902000088 号', scope: '普通货运;货物专用运输(冷藏保鲜)', validUntil: '2027-03-31' })],
  });
  const revoked = await licenseIdByIdentifier(kernel.db, old.rows[0]?.identifier ?? '');
  if (revoked) await changeLicenseStatus(kernel, { actor, id: revoked, action: 'revoke', input: { reason: '经营范围变更,换发新证,原证注销', version: 1 } });
}

function importRow(row: number, originalNumber: string, holderName: string, holderNumber: string, validFrom: string, validTo: string, fields: Record<string, string>): ImportRow {
  return { row, originalNumber, holderName, holderNumber, validFrom, validTo: '', issuedOn: validFrom, fields: { ...fields, validUntil: validTo } };
}

import { registryKinds, type RegistryKind, type RegistryValue } from '@zhengtong/contracts';
import type { Kernel } from '../kernel/context';
import { systemActor } from '../kernel/authz';
import { audit, inTransaction } from '../kernel/audit';
import { findDepartmentByCreditCode } from '../platform/departments';
import { findPersonByIdNumber } from '../platform/identity';
import { checkObservations, crossCheck, findSubjectByKey, raiseDispute, recordObservations, registryShape, setLicenseSource, setSystemHolder, subjectKeyOf, syncPlatformPage } from '../data/registries';
import { demoCitizens, demoDepartments, demoEnterprises, demoIdNumber, departmentCreditCode, enterpriseCreditCode } from './people';

// 人口库 / 法人库 of 云溪市, filled through the registries' own paths: the platform's accounts and 营业执照 (统一身份认证
// held by the big-data bureau; licence type 301 mapped to the entity registry), 公安局's 户籍 data for every demo
// citizen and 市场监管局's 登记 data for every demo enterprise. 人社局 holds an older address for 张三, so the
// cross-check reports a conflict; 张三 has disputed his 民族, waiting for 公安局 (gadata) to verify.

const actor = systemActor('demo-seed');

type PoliceRow = { ethnicity: string; regionCode: string; address: string };
const policeRows: PoliceRow[] = [
  { ethnicity: '汉族', regionCode: '539902001101', address: '云溪市澜沧区翠湖街道翠湖路 18 号 2 栋 301 室' },
  { ethnicity: '白族', regionCode: '539902001102', address: '云溪市澜沧区翠湖街道文林路 6 号 1 单元 402 室' },
  { ethnicity: '汉族', regionCode: '539921100201', address: '云南省云溪市青石县石门镇石门村委会上村 27 号' },
  { ethnicity: '汉族', regionCode: '539902001101', address: '云溪市澜沧区翠湖街道翠湖路 8 号 1 栋 502 室' },
  { ethnicity: '彝族', regionCode: '539921101202', address: '云溪市青石县龙潭镇白马村委会白马村 11 号' },
];

/** 人社局's copy of 张三's address, from before he moved (the conflict the cross-check finds). */
const HRSS_ADDRESS_OF_ZHANGSAN = '云溪市澜沧区滨江街道望江路 21 号 5 栋 1102 室';

const enterpriseRows: Record<number, { establishedOn: string; regionCode: string }> = {
  0: { establishedOn: '2019-06-18', regionCode: '539902000000' },
  1: { establishedOn: '2020-03-09', regionCode: '539902000000' },
  2: { establishedOn: '2018-09-26', regionCode: '539921000000' },
};

async function departmentId(kernel: Kernel, key: string): Promise<string> {
  const d = demoDepartments.find((x) => x.key === key);
  const row = d ? await findDepartmentByCreditCode(kernel.db, departmentCreditCode(d.region, d.orgBase)) : undefined;
  if (!row) throw new Error(`demo registries: no department ${key}`);
  return row.id;
}

async function observe(kernel: Kernel, registry: RegistryKind, source: string, rows: { key: string; values: Record<string, RegistryValue> }[]): Promise<void> {
  const shape = await registryShape(kernel.db, registry);
  const checked = checkObservations(shape, rows.map((r, i) => ({ row: i, ...r })), new Date());
  if (checked.issues.length > 0) throw new Error(`demo registries: ${JSON.stringify(checked.issues.slice(0, 3))}`);
  await inTransaction(kernel.db, async (tx) => {
    const result = await recordObservations(tx, kernel.keys, shape, { source, recordedBy: null, rows: checked.rows });
    await audit(tx, actor, { action: 'registry.observe', objectType: 'registry', objectId: registry, detail: { source, rows: result.rows, recorded: result.recorded } });
  });
}

export async function seedDemoRegistries(kernel: Kernel): Promise<void> {
  const bigdata = await departmentId(kernel, 'bigdata');
  const police = await departmentId(kernel, 'public-security');
  const hrss = await departmentId(kernel, 'hrss');
  const market = await departmentId(kernel, 'market');

  // 统一身份认证 is the big-data bureau's; 营业执照 states the entity registry's values as 市场监管局.
  await setSystemHolder(kernel, { actor, key: 'identity', input: { departmentId: bigdata } });
  await setLicenseSource(kernel, {
    actor,
    typeCode: '301',
    input: {
      registry: 'entity',
      mapping: [
        { from: 'holderName', to: 'name' },
        { from: 'fields.legalRepresentative', to: 'legalRepName' },
        { from: 'fields.address', to: 'address' },
        { from: 'fields.registeredOn', to: 'establishedOn' },
        { from: 'status', to: 'status' },
      ],
    },
  });
  for (const registry of registryKinds) {
    let after: string | null = null;
    do after = (await inTransaction(kernel.db, (tx) => syncPlatformPage(tx, kernel.keys, registry, after))).next;
    while (after);
  }

  await observe(
    kernel,
    'person',
    police,
    demoCitizens.map((c, i) => {
      const row = policeRows[i] ?? policeRows[0];
      return { key: demoIdNumber(c.region6, c.birth, c.seq), values: { name: c.name, gender: c.seq % 2 === 1 ? '男' : '女', birthDate: c.birth, ...row } };
    }),
  );
  const zhang = demoCitizens[0];
  if (!zhang) throw new Error('demo registries: no 张三');
  const zhangId = demoIdNumber(zhang.region6, zhang.birth, zhang.seq);
  await observe(kernel, 'person', hrss, [{ key: zhangId, values: { name: zhang.name, address: HRSS_ADDRESS_OF_ZHANGSAN } }]);

  await observe(
    kernel,
    'entity',
    market,
    demoEnterprises.map((e, i) => {
      const rep = demoCitizens[e.legalRep];
      const facts = enterpriseRows[i] ?? { establishedOn: '2020-01-01', regionCode: e.region12 };
      return {
        key: enterpriseCreditCode(e),
        values: { name: e.name, legalRepName: rep?.name ?? null, legalRepIdNumber: rep ? demoIdNumber(rep.region6, rep.birth, rep.seq) : null, address: e.address, status: '存续', ...facts },
      };
    }),
  );

  await inTransaction(kernel.db, async (tx) => {
    for (const registry of registryKinds) await crossCheck(tx, kernel.keys, registry, { trigger: 'demo-seed' });
  });

  // 张三's dispute, raised two days ago: 公安局 has his 民族 as 汉族.
  const person = await findPersonByIdNumber(kernel, { actor, idNumber: zhangId, purpose: '演示数据:异议核实' });
  const subject = await findSubjectByKey(kernel.db, 'person', subjectKeyOf(kernel.keys, 'person', zhangId));
  if (!person || !subject) throw new Error('demo registries: 张三 is not in the person registry');
  await inTransaction(kernel.db, (tx) =>
    raiseDispute(tx, kernel.keys, actor, {
      raiser: { kind: 'citizen', accountId: person.accountId, name: zhang.name, departmentId: null, enterpriseId: null },
      subject,
      input: { fieldKey: 'ethnicity', claimedValue: '白族', reason: '本人民族为白族,户籍登记有误;已在派出所提交民族成分更正材料(父母户籍证明)' },
      now: new Date(Date.now() - 2 * 86_400_000),
    }),
  );
}

import { makeCreditCode } from '@zhengtong/contracts';
import { demoIdNumber } from './people';

// What the demo applicants fill in for each demo item (the forms in service-items-*.ts), which materials they scan
// or promise, what a 补正 asks them to fix, and what the department writes as the result.

export type PersonProfile = { type: 'person'; name: string; idNumber: string; phone: string; address: string; region: string };
export type EnterpriseProfile = {
  type: 'enterprise';
  name: string;
  creditCode: string;
  legalRep: string;
  agentName: string;
  agentIdNumber: string;
  agentPhone: string;
  address: string;
  region: string;
};
export type Profile = PersonProfile | EnterpriseProfile;

export type Application = {
  values: Record<string, unknown>;
  /** Material keys handed in as files (PNG where the material takes images only, PDF otherwise). */
  uploads: string[];
  /** 告知承诺 (pledge) or 容缺 (gap, handed in after acceptance). */
  choices?: Record<string, 'pledge' | 'gap'>;
};

export type ItemForm = {
  application(who: Profile): Application;
  /** The material a 补正 asks for again, and why, in words the applicant understands. */
  fix: { key: string; reason: string };
  /** The result fields filled in at the decision; `n` makes numbers unique, `on` is the decision date. */
  result(n: number, on: string, who: Profile): Record<string, unknown>;
};

function asPerson(who: Profile): PersonProfile {
  if (who.type !== 'person') throw new Error(`demo case history: ${who.name} is not a person`);
  return who;
}

function asEnterprise(who: Profile): EnterpriseProfile {
  if (who.type !== 'enterprise') throw new Error(`demo case history: ${who.name} is not an enterprise`);
  return who;
}

const person = (who: Profile) => {
  const p = asPerson(who);
  return { applicantName: p.name, applicantIdNumber: p.idNumber, applicantPhone: p.phone, address: p.address };
};

const enterprise = (who: Profile) => {
  const e = asEnterprise(who);
  return { entityName: e.name, creditCode: e.creditCode, legalRepName: e.legalRep, contactName: e.agentName, contactPhone: e.agentPhone, premisesRegion: e.region, premisesAddress: e.address };
};

const serial = (prefix: string, n: number, width = 6) => `${prefix}${String(n).padStart(width, '0')}`;
const yearsLater = (on: string, years: number) => `${Number(on.slice(0, 4)) + years}${on.slice(4)}`;
const licence = (prefix: string) => (n: number, on: string) => ({ licenceNo: serial(prefix, 1000 + n), validUntil: yearsLater(on, 5) });

export const itemForms: Record<string, ItemForm> = {
  出生登记: {
    application: (who) => {
      const father = asPerson(who);
      return {
        values: {
          childName: `${father.name.slice(0, 1)}小禾`,
          childGender: 'female',
          birthDate: '2026-01-08',
          birthCertificateNo: 'S539021576',
          followParent: 'father',
          fatherName: father.name,
          fatherIdNumber: father.idNumber,
          motherName: '刘雨晴',
          motherIdNumber: demoIdNumber('539902', '1990-06-12', 162),
          applicantPhone: father.phone,
        },
        uploads: ['birthCertificate', 'householdRegister', 'parentsIdCards'],
      };
    },
    fix: { key: 'birthCertificate', reason: '《出生医学证明》扫描件不清晰,编号无法辨认,请重新扫描上传' },
    result: (n) => ({ householdNo: serial('539902', 3100 + n), citizenIdNumber: demoIdNumber('539902', '2026-01-08', 100 + n) }),
  },
  居民身份证申领: {
    application: (who) => ({ values: { ...person(who), reason: 'expired', deliverByPost: false }, uploads: ['householdRegister'] }),
    fix: { key: 'householdRegister', reason: '户口簿本人页与首页需一并扫描' },
    result: (n, on) => ({ cardNo: serial('YX', 52000 + n), validUntil: yearsLater(on, 20) }),
  },
  户口迁入登记: {
    application: (who) => ({
      values: { ...person(who), basis: 'employment', employerName: '云溪市青禾食品有限公司', targetRegion: '539902001101' },
      uploads: ['idCard', 'householdRegister'],
      choices: { employmentProof: 'pledge' },
    }),
    fix: { key: 'householdRegister', reason: '请上传迁出地户口簿的户主页和本人页' },
    result: (n) => ({ householdNo: serial('539902', 4200 + n) }),
  },
  居住证申领: {
    application: (who) => ({ values: { ...person(who), condition: 'job' }, uploads: ['idCard', 'photo'], choices: { residenceProof: 'pledge' } }),
    fix: { key: 'photo', reason: '照片需为近 6 个月内白底免冠照,请重新上传' },
    result: (n) => ({ permitNo: serial('53990220', 7000 + n) }),
  },
  社会保障卡申领: {
    application: (who) => ({ values: { ...person(who), bank: 'rcc', delivery: 'window' }, uploads: ['idCard', 'photo'] }),
    fix: { key: 'photo', reason: '照片背景需为白色' },
    result: (n) => ({ cardNo: serial('YX5399', 880000 + n) }),
  },
  失业保险金申领: {
    application: (who) => ({
      values: { ...person(who), lastEmployer: '云溪市兴达机械设备有限公司', separationDate: '2026-03-31', separationReason: 'contractEnd' },
      uploads: ['idCard'],
      choices: { terminationProof: 'gap' },
    }),
    fix: { key: 'terminationProof', reason: '终止劳动合同证明需加盖原单位公章' },
    result: () => ({ monthlyAmount: 1512, months: 12 }),
  },
  就业创业证申领: {
    application: (who) => ({ values: { ...person(who), status: 'unemployed' }, uploads: ['idCard'] }),
    fix: { key: 'idCard', reason: '请上传身份证正反面' },
    result: (n) => ({ certificateNo: serial('5399020026', n, 5) }),
  },
  职工基本养老保险待遇申领: {
    application: (who) => ({ values: { ...person(who), retireDate: '2026-06-01', specialJob: false }, uploads: ['idCard', 'archive'] }),
    fix: { key: 'archive', reason: '人事档案缺少 1992 年至 1995 年的工资调整审批表,请原单位补充后报送' },
    result: () => ({ monthlyPension: 3268 }),
  },
  城乡居民基本医疗保险参保登记: {
    application: (who) => ({ values: { ...person(who), category: 'adult' }, uploads: ['idCard'] }),
    fix: { key: 'idCard', reason: '请上传身份证正反面' },
    result: (_n, on) => ({ insuredFrom: on }),
  },
  异地就医备案: {
    application: (who) => ({ values: { ...person(who), kind: 'temporary', destination: '昆明市' }, uploads: ['idCard'] }),
    fix: { key: 'idCard', reason: '请上传身份证正反面' },
    result: (_n, on) => ({ validFrom: on }),
  },
  门诊慢特病待遇认定: {
    application: (who) => ({ values: { ...person(who), disease: 'hypertension', hospital: '云溪市第一人民医院' }, uploads: ['idCard', 'diagnosis'] }),
    fix: { key: 'diagnosis', reason: '请补充近 3 个月内的血压监测记录和心电图报告' },
    result: (_n, on) => ({ validUntil: yearsLater(on, 2) }),
  },
  最低生活保障申请: {
    application: (who) => ({
      values: { ...person(who), householdSize: 2, monthlyIncome: 900, hasIllness: false, pledge: true },
      uploads: ['idCard', 'householdRegister'],
      choices: { incomeStatement: 'pledge' },
    }),
    fix: { key: 'householdRegister', reason: '请提供共同生活家庭成员的户口簿页' },
    result: (_n, on) => ({ monthlyAmount: 720, persons: 2, startMonth: on }),
  },
  残疾人证办理: {
    application: (who) => ({ values: { ...person(who), category: ['physical'], needsHomeAssessment: false }, uploads: ['idCard', 'householdRegister', 'photo'] }),
    fix: { key: 'photo', reason: '照片需为近期白底免冠照' },
    // 第二代残疾人证号: the holder's ID number, then the kind (4 肢体) and the level.
    result: (_n, _on, who) => ({ certificateNo: `${asPerson(who).idNumber}43`, level: '3' }),
  },
  高龄津贴申领: {
    application: (who) => ({ values: { ...person(who), bankAccountType: 'sscard' }, uploads: ['idCard'] }),
    fix: { key: 'idCard', reason: '请上传身份证正反面' },
    result: () => ({ monthlyAmount: 100 }),
  },
  生育登记: {
    application: (who) => {
      const wife = asPerson(who);
      return {
        values: { wifeName: wife.name, wifeIdNumber: wife.idNumber, husbandName: '周子航', husbandIdNumber: demoIdNumber('539902', '1990-03-02', 171), applicantPhone: wife.phone, childOrder: '1', isPregnant: true, dueDate: '2026-09-20' },
        uploads: ['idCards', 'marriageCertificate'],
        choices: { childrenPledge: 'pledge' },
      };
    },
    fix: { key: 'marriageCertificate', reason: '请上传结婚证持证人页' },
    result: (n) => ({ registrationNo: serial('SY539902', 2600 + n) }),
  },
  医师执业注册: {
    application: (who) => {
      const p = asPerson(who);
      return {
        values: { applicantName: p.name, applicantIdNumber: p.idNumber, applicantPhone: p.phone, category: 'clinical', institution: '云溪市第一人民医院', isMultiSite: false },
        uploads: ['qualification', 'healthProof', 'employmentProof'],
      };
    },
    fix: { key: 'healthProof', reason: '健康体检证明已超过 6 个月,请重新体检' },
    result: licence('110539900'),
  },
  个体工商户设立登记: {
    application: (who) => {
      const p = asPerson(who);
      return {
        values: {
          operatorName: p.name,
          operatorIdNumber: p.idNumber,
          applicantPhone: p.phone,
          tradeName: `${p.name.slice(0, 1)}记小吃`,
          businessScope: '小餐饮;预包装食品销售',
          composition: 'personal',
          isOnlineShop: false,
          premisesRegion: p.region,
          premisesAddress: p.address,
          byProxy: false,
        },
        uploads: ['application', 'idCard'],
        choices: { premisesProof: 'pledge' },
      };
    },
    fix: { key: 'application', reason: '申请书经营者签字处空白,请签字后重新上传' },
    result: (n, on) => ({ creditCode: makeCreditCode('92539902', `MA1G${String(200 + n).padStart(4, '0')}`), registeredOn: on }),
  },
  市场主体变更登记: {
    application: (who) => ({ values: { ...enterprise(who), changes: ['scope'] }, uploads: ['application', 'resolution'] }),
    fix: { key: 'resolution', reason: '股东会决议须由全体股东签字' },
    result: (_n, on) => ({ changedOn: on }),
  },
  市场主体注销登记: {
    application: (who) => ({ values: { ...enterprise(who), procedure: 'simple' }, uploads: ['application'], choices: { liquidation: 'pledge' } }),
    fix: { key: 'application', reason: '注销申请书需法定代表人签字' },
    result: (_n, on) => ({ closedOn: on }),
  },
  食品经营许可: {
    application: (who) => ({
      values: { ...enterprise(who), kinds: ['retail'], area: 120, sellsOnline: false, usesPledge: true },
      uploads: ['application', 'businessLicence', 'layout', 'healthCertificates'],
      choices: { safetyRules: 'pledge' },
    }),
    fix: { key: 'layout', reason: '平面图未标明食品原料库房与更衣室位置,请补充' },
    result: licence('JY15399020'),
  },
  公共场所卫生许可: {
    application: (who) => ({
      values: { ...enterprise(who), venueKind: 'beauty', usesPledge: true },
      uploads: ['application', 'businessLicence', 'layout', 'healthCertificates'],
      choices: { testReport: 'pledge' },
    }),
    fix: { key: 'healthCertificates', reason: '两名从业人员的健康合格证明已过期' },
    result: licence('YXWS'),
  },
  建设用地规划许可: {
    application: (who) => ({
      values: { ...enterprise(who), projectName: '青禾食品中央厨房及冷链仓储项目', landArea: 18600, acquisition: 'transfer' },
      uploads: ['application', 'contract', 'redLine'],
    }),
    fix: { key: 'redLine', reason: '用地红线图需加盖测绘单位成果专用章' },
    result: licence('地字第539900'),
  },
  国有建设用地使用权及房屋所有权转移登记: {
    application: (who) => {
      const p = asPerson(who);
      return {
        values: { sellerName: '杨秀珍', buyerName: p.name, buyerIdNumber: p.idNumber, applicantPhone: p.phone, reason: 'gift', propertyAddress: '云溪市澜沧区文林路 12 号 3 幢 2 单元 501 室' },
        uploads: ['application', 'idCard', 'propertyCertificate', 'contract', 'taxProof'],
      };
    },
    fix: { key: 'contract', reason: '赠与合同需经公证' },
    result: (n) => ({ certificateNo: `云(2026)澜沧区不动产权第${String(8100 + n).padStart(7, '0')}号` }),
  },
  道路货物运输经营许可: {
    application: (who) => ({
      values: { ...enterprise(who), vehicleCount: 6, carriesDangerous: false },
      uploads: ['application', 'businessLicence', 'vehicles', 'drivers', 'safetyRules'],
    }),
    fix: { key: 'drivers', reason: '两名驾驶员的从业资格证已过期' },
    result: licence('云交运管许可澜字539902'),
  },
  网络预约出租汽车运输证核发: {
    application: (who) => {
      const p = asPerson(who);
      return {
        values: { applicantKind: 'owner', applicantName: p.name, applicantPhone: p.phone, plateNumber: '云AD3K72', platformName: '云溪出行' },
        uploads: ['vehicleLicence', 'platformAgreement', 'insurance'],
      };
    },
    fix: { key: 'insurance', reason: '保险单须为营业性质的机动车辆保险' },
    result: licence('云网约运输证539900'),
  },
  道路运输从业人员从业资格证核发: {
    application: (who) => {
      const p = asPerson(who);
      return { values: { applicantName: p.name, applicantIdNumber: p.idNumber, applicantPhone: p.phone, category: 'freight' }, uploads: ['idCard', 'drivingLicence', 'examResult'] };
    },
    fix: { key: 'drivingLicence', reason: '驾驶证副页须一并上传' },
    result: licence('5399'),
  },
  用人单位社会保险登记: {
    application: (who) => ({ values: { ...enterprise(who), employeeCount: 46, hasBranch: false }, uploads: ['businessLicence'] }),
    fix: { key: 'businessLicence', reason: '请上传营业执照副本' },
    result: (n) => ({ socialSecurityNo: serial('53990210', 5000 + n) }),
  },
  特种设备使用登记: {
    application: (who) => ({
      values: { ...enterprise(who), equipmentKind: 'forklift', equipmentCount: 2 },
      uploads: ['registrationForm', 'productDocs'],
      choices: { inspectionReport: 'gap' },
    }),
    fix: { key: 'productDocs', reason: '产品合格证与设备铭牌编号不一致' },
    result: (n) => ({ registrationNo: serial('车11云A', 300 + n, 5) }),
  },
};

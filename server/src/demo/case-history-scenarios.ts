import { makeCreditCode } from '@zhengtong/contracts';
import type { EnterpriseProfile, PersonProfile, Profile } from './case-history-forms';
import { demoCitizens, demoEnterprises, demoIdNumber, enterpriseCreditCode } from './people';

// The demo city's last four months of 办件, one line per case: who applied for what, where, how far it has got and
// when. Closed cases and those not yet accepted give `ago` (working days since submission); cases whose clock runs
// give `left` (working days to the promised deadline: ≥ 2 green, 0–1 yellow, < 0 red — with the default
// CASE_YELLOW_WORKING_DAYS of 1); a pending 补正 during the review gives `ago` as the working days since acceptance.
// The people and businesses are fictional; ID numbers and credit codes are valid (GB 11643, GB 32100).

/** How far a case goes: a waiting step, or how it ended. */
export type Stage =
  | 'submitted' // waiting for 受理
  | 'counterSupplement' // 补正 asked at the counter, before acceptance; waiting for the applicant
  | 'review'
  | 'inspect'
  | 'decide'
  | 'supplement' // 补正 asked during the review; the clock is stopped
  | 'complete' // decided, waiting for 办结
  | 'completed'
  | 'refused' // 不予受理
  | 'denied' // 不予许可
  | 'withdrawn';

export type Scenario = {
  item: string;
  who: ApplicantKey;
  /** online (网上申请), city (综合窗口 by `clerk`) or county (青石县 window by `qsclerk`, the county's implementation). */
  at: 'online' | 'city' | 'county';
  stage: Stage;
  /** Working days since submission (since acceptance for a pending 补正 during the review). */
  ago?: number;
  /** Working days left to the promised deadline today, for a case waiting at a step (negative: overdue). */
  left?: number;
  /** A 补正 was asked during the review and answered (the pause moves the deadline). */
  corrected?: true;
  /** Why it was refused, denied or withdrawn. */
  reason?: string;
};

const citizen = (index: number, address: string, region: string): PersonProfile => {
  const c = demoCitizens[index];
  if (!c) throw new Error(`demo case history: no demo citizen ${index}`);
  return { type: 'person', name: c.name, idNumber: demoIdNumber(c.region6, c.birth, c.seq), phone: c.phone, address, region };
};

const walkIn = (name: string, region6: string, birth: string, seq: number, phone: string, address: string): PersonProfile => ({
  type: 'person',
  name,
  idNumber: demoIdNumber(region6, birth, seq),
  phone,
  address,
  region: region6 === '539921' ? '539921100201' : '539902002101',
});

const company = (name: string, creditCode: string, legalRep: string, agent: PersonProfile, address: string, region: string): EnterpriseProfile => ({
  type: 'enterprise',
  name,
  creditCode,
  legalRep,
  agentName: agent.name,
  agentIdNumber: agent.idNumber,
  agentPhone: agent.phone,
  address,
  region,
});

const zhangsan = citizen(0, '云溪市澜沧区翠湖路 18 号 2 幢 301 室', '539902001101');
const wangfang = citizen(3, '云溪市澜沧区文林路 7 号 502 室', '539902001102');
const qingheEnterprise = demoEnterprises[0];
const lvyuanEnterprise = demoEnterprises[1];
const teaCoop = demoEnterprises[2];
if (!qingheEnterprise || !lvyuanEnterprise || !teaCoop) throw new Error('demo case history: demo enterprises missing');

const people = {
  liu: walkIn('刘建国', '539902', '1962-08-17', 131, '13908721301', '云溪市澜沧区滨江路 23 号'),
  chen: walkIn('陈晓梅', '539902', '1991-02-03', 142, '13908721302', '云溪市澜沧区望江路 9 号 1 单元 402 室'),
  yang: walkIn('杨志明', '539902', '1983-11-26', 153, '13908721303', '云溪市澜沧区码头街 45 号'),
  zhao: walkIn('赵雪', '539902', '1996-05-14', 164, '13908721304', '云溪市澜沧区北门街 3 号'),
  huang: walkIn('黄德福', '539902', '1943-01-09', 175, '13908721305', '云溪市澜沧区金沙镇河湾村 6 组'),
  zhou: walkIn('周丽华', '539902', '1971-06-30', 186, '13908721306', '云溪市澜沧区莲花池路 16 号'),
  wang: walkIn('王建军', '539902', '1978-10-11', 231, '13908721307', '云溪市澜沧区滨江大道 102 号'),
  sun: walkIn('孙桂兰', '539902', '1955-04-22', 242, '13908721308', '云溪市澜沧区金沙镇柳营村 2 组'),
  ma: walkIn('马俊', '539902', '1999-09-09', 253, '13908721309', '云溪市澜沧区文林路 33 号'),
  he: walkIn('何欣', '530102', '1995-12-01', 264, '13908721310', '云溪市澜沧区滨江街道望江社区 8 栋 203 室'),
  deng: walkIn('邓佳', '530381', '1993-08-19', 275, '13908721311', '云溪市澜沧区翠湖街道文林社区 12 号'),
  xu: walkIn('徐国强', '539902', '1966-02-27', 291, '13908721312', '云溪市澜沧区新民村 4 组'),
  lin: walkIn('林晓东', '539902', '2008-04-16', 313, '13908721317', '云溪市澜沧区翠湖街道北门社区 21 号'),
  ouyang: walkIn('欧阳䶮', '539921', '1965-05-05', 57, '13800000005', '青石县石门镇茶山路 3 号'),
  lisi: walkIn('李秀英', '539921', '1958-12-02', 208, '13908721313', '青石县石门镇上坝村 3 组'),
  luo: walkIn('罗永平', '539921', '1987-06-25', 219, '13908721315', '青石县石门镇人民路 56 号'),
};

const companies = {
  qinghe: company(qingheEnterprise.name, enterpriseCreditCode(qingheEnterprise), zhangsan.name, wangfang, qingheEnterprise.address, '539902001101'),
  lvyuan: company(lvyuanEnterprise.name, enterpriseCreditCode(lvyuanEnterprise), '李四', people.xu, lvyuanEnterprise.address, '539902002101'),
  tea: company(teaCoop.name, enterpriseCreditCode(teaCoop), '欧阳䶮', people.ouyang, teaCoop.address, '539921100201'),
  cuihu: company('云溪市翠湖餐饮管理有限公司', makeCreditCode('91539902', 'MA1CH004'), '陈晓梅', people.chen, '云溪市澜沧区翠湖路 66 号', '539902001101'),
  binjiang: company('云溪市滨江美发有限公司', makeCreditCode('91539902', 'MA1BJ005'), '赵雪', people.zhao, '云溪市澜沧区滨江路 88 号', '539902002101'),
  wenlin: company('云溪市文林文具有限公司', makeCreditCode('91539902', 'MA1WL008'), '马俊', people.ma, '云溪市澜沧区文林路 21 号', '539902001102'),
  hewan: company('云溪市河湾生鲜超市有限公司', makeCreditCode('91539902', 'MA1HW010'), '杨志明', people.yang, '云溪市澜沧区金沙镇河湾村 2 号', '539902100202'),
  longtan: company('青石县龙潭农家乐有限公司', makeCreditCode('91539921', 'MA1LT006'), '罗永平', people.luo, '青石县龙潭镇龙潭村 9 号', '539921101201'),
};

/** An applicant who signs in with a demo account; an agent (经办人) acts for the enterprise signing in as `actsFor`. */
export type OnlineApplicant = { login: string; profile: Profile; actsFor?: string };

/** Online applicants sign in with their demo account (王芳 acts as 经办人 of 青禾); the others come to a window. */
export const onlineApplicants = {
  zhangsan: { login: citizenLogin(0), profile: zhangsan },
  jixiang: { login: citizenLogin(1), profile: citizen(1, '云溪市澜沧区望江路 15 号 1 幢 602 室', '539902002102') },
  qinghe: { login: companies.qinghe.creditCode, profile: companies.qinghe },
  wangfang: { login: citizenLogin(3), profile: companies.qinghe, actsFor: companies.qinghe.creditCode },
} satisfies Record<string, OnlineApplicant>;

export const walkIns = { ...people, ...companies, zhangsanAtWindow: zhangsan } satisfies Record<string, Profile>;

export type ApplicantKey = keyof typeof onlineApplicants | keyof typeof walkIns;

function citizenLogin(index: number): string {
  const c = demoCitizens[index];
  if (!c) throw new Error(`demo case history: no demo citizen ${index}`);
  return c.phone;
}

export const scenarios: Scenario[] = [
  // 张三: completed cases with letters, one waiting for 补正, one in review.
  { item: '社会保障卡申领', who: 'zhangsan', at: 'online', stage: 'completed', ago: 78 },
  { item: '户口迁入登记', who: 'zhangsan', at: 'online', stage: 'completed', ago: 61 },
  { item: '居民身份证申领', who: 'zhangsanAtWindow', at: 'city', stage: 'completed', ago: 44 },
  { item: '出生登记', who: 'zhangsan', at: 'online', stage: 'completed', ago: 27, corrected: true },
  { item: '异地就医备案', who: 'zhangsan', at: 'online', stage: 'completed', ago: 9 },
  { item: '门诊慢特病待遇认定', who: 'zhangsan', at: 'online', stage: 'supplement', ago: 4 },
  { item: '道路运输从业人员从业资格证核发', who: 'zhangsan', at: 'online', stage: 'review', left: 3 },

  // 𠮷祥 (a name outside the BMP in every queue and letter).
  { item: '就业创业证申领', who: 'jixiang', at: 'online', stage: 'completed', ago: 70 },
  { item: '医师执业注册', who: 'jixiang', at: 'online', stage: 'completed', ago: 40 },
  { item: '生育登记', who: 'jixiang', at: 'online', stage: 'completed', ago: 19 },

  // 云溪市青禾食品有限公司, itself and through its agent 王芳.
  { item: '用人单位社会保险登记', who: 'qinghe', at: 'online', stage: 'completed', ago: 83 },
  { item: '食品经营许可', who: 'qinghe', at: 'online', stage: 'completed', ago: 66 },
  { item: '特种设备使用登记', who: 'qinghe', at: 'online', stage: 'completed', ago: 38 },
  { item: '市场主体变更登记', who: 'wangfang', at: 'online', stage: 'completed', ago: 21 },
  { item: '食品经营许可', who: 'wangfang', at: 'online', stage: 'supplement', ago: 3 },
  { item: '特种设备使用登记', who: 'qinghe', at: 'online', stage: 'review', left: 1 },
  { item: '道路货物运输经营许可', who: 'wangfang', at: 'online', stage: 'inspect', left: 2 },
  { item: '建设用地规划许可', who: 'qinghe', at: 'online', stage: 'review', left: 4 },
  { item: '市场主体变更登记', who: 'wangfang', at: 'online', stage: 'withdrawn', ago: 14, reason: '变更事项需重新召开股东会确定,先撤回申请' },

  // Walk-ins at the city's 综合窗口 (一窗受理 for every department), completed over four months.
  { item: '居民身份证申领', who: 'liu', at: 'city', stage: 'completed', ago: 81 },
  { item: '社会保障卡申领', who: 'chen', at: 'city', stage: 'completed', ago: 73 },
  { item: '用人单位社会保险登记', who: 'lvyuan', at: 'city', stage: 'completed', ago: 71 },
  { item: '失业保险金申领', who: 'yang', at: 'city', stage: 'completed', ago: 68 },
  { item: '就业创业证申领', who: 'zhao', at: 'city', stage: 'completed', ago: 64 },
  { item: '高龄津贴申领', who: 'huang', at: 'city', stage: 'completed', ago: 58 },
  { item: '职工基本养老保险待遇申领', who: 'zhou', at: 'city', stage: 'completed', ago: 55, corrected: true },
  { item: '个体工商户设立登记', who: 'wang', at: 'city', stage: 'completed', ago: 52 },
  { item: '城乡居民基本医疗保险参保登记', who: 'sun', at: 'city', stage: 'completed', ago: 49 },
  { item: '居住证申领', who: 'he', at: 'city', stage: 'completed', ago: 47 },
  { item: '生育登记', who: 'chen', at: 'city', stage: 'completed', ago: 42 },
  { item: '国有建设用地使用权及房屋所有权转移登记', who: 'liu', at: 'city', stage: 'completed', ago: 36 },
  { item: '市场主体注销登记', who: 'wenlin', at: 'city', stage: 'completed', ago: 30 },

  // Not everything is granted.
  { item: '户口迁入登记', who: 'zhou', at: 'city', stage: 'refused', ago: 35, reason: '申请人在本市无合法稳定住所,亦无就业或直系亲属投靠关系,不符合本市户口迁入条件' },
  { item: '个体工商户设立登记', who: 'ma', at: 'city', stage: 'refused', ago: 11, reason: '经营场所为住宅,未提交利害关系业主同意将住宅改变为经营性用房的证明' },
  { item: '网络预约出租汽车运输证核发', who: 'wang', at: 'city', stage: 'denied', ago: 26, reason: '车辆轴距 2580 毫米,不符合本市网约车车辆技术条件(轴距不小于 2650 毫米)' },
  { item: '残疾人证办理', who: 'xu', at: 'city', stage: 'withdrawn', ago: 33, reason: '申请人赴外地就医,待回本市后再申请' },

  // In progress in the departments' queues: green, yellow and red.
  { item: '食品经营许可', who: 'cuihu', at: 'city', stage: 'decide', left: -2 },
  { item: '食品经营许可', who: 'hewan', at: 'city', stage: 'review', left: 3 },
  { item: '出生登记', who: 'wang', at: 'city', stage: 'review', left: 1 },
  { item: '户口迁入登记', who: 'yang', at: 'city', stage: 'decide', left: -1 },
  { item: '失业保险金申领', who: 'zhao', at: 'city', stage: 'review', left: 2 },
  { item: '职工基本养老保险待遇申领', who: 'liu', at: 'city', stage: 'review', left: -3 },
  { item: '高龄津贴申领', who: 'sun', at: 'city', stage: 'review', left: 1 },
  { item: '门诊慢特病待遇认定', who: 'huang', at: 'city', stage: 'review', left: 6 },
  { item: '公共场所卫生许可', who: 'binjiang', at: 'city', stage: 'inspect', left: 1 },
  { item: '居民身份证申领', who: 'xu', at: 'city', stage: 'supplement', ago: 6 },
  // Decided, waiting at the window for 办结 (the card made, the licence printed): the 综合窗口's own lights.
  { item: '居民身份证申领', who: 'chen', at: 'city', stage: 'complete', left: 6 },
  { item: '户口迁入登记', who: 'zhou', at: 'city', stage: 'complete', left: 1 },
  { item: '个体工商户设立登记', who: 'deng', at: 'city', stage: 'complete', left: -1 },
  { item: '失业保险金申领', who: 'jixiang', at: 'online', stage: 'counterSupplement', ago: 1 },

  // Waiting for 受理 at the city's window: walk-ins of today and yesterday.
  { item: '社会保障卡申领', who: 'deng', at: 'city', stage: 'submitted', ago: 0 },
  { item: '居民身份证申领', who: 'lin', at: 'city', stage: 'submitted', ago: 0 },
  { item: '户口迁入登记', who: 'he', at: 'city', stage: 'submitted', ago: 1 },

  // 青石县: its own window and reviewer (相对集中行政许可权).
  { item: '城乡居民基本医疗保险参保登记', who: 'lisi', at: 'county', stage: 'completed', ago: 80 },
  { item: '个体工商户设立登记', who: 'luo', at: 'county', stage: 'completed', ago: 63 },
  { item: '个体工商户设立登记', who: 'ouyang', at: 'county', stage: 'complete', left: -3 },
  { item: '个体工商户设立登记', who: 'lisi', at: 'county', stage: 'complete', left: 0 },
  { item: '食品经营许可', who: 'tea', at: 'county', stage: 'complete', left: 2 },
  { item: '食品经营许可', who: 'longtan', at: 'county', stage: 'decide', left: -1 },
  { item: '城乡居民基本医疗保险参保登记', who: 'luo', at: 'county', stage: 'submitted', ago: 0 },
];

import { idNumberCheckChar, makeCreditCode, type StaffRole } from '@zhengtong/contracts';

export const DEMO_PASSWORD = 'Yunxi@2026';

/** A valid 身份证号 for the demo (region 5399xx, the fictional 云溪市). */
export function demoIdNumber(region6: string, birth: string, seq: number): string {
  const first17 = `${region6}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

export type DemoDepartment = { key: string; name: string; shortName: string; region: string; orgBase: string; positions: string[] };

// 机关 credit codes: registration authority 1 (机构编制), entity type 1 (机关), then the region code.
export function departmentCreditCode(region12: string, orgBase: string): string {
  return makeCreditCode(`11${region12.slice(0, 6)}`, orgBase);
}

export const demoDepartments: DemoDepartment[] = [
  { key: 'bigdata', name: '云溪市大数据管理局', shortName: '大数据局', region: '539900000000', orgBase: '01520001', positions: ['局长', '数据资源科科员', '平台运维岗'] },
  { key: 'gov-service', name: '云溪市政务服务管理局', shortName: '政务服务局', region: '539900000000', orgBase: '01520002', positions: ['综合窗口受理员', '窗口负责人'] },
  { key: 'market', name: '云溪市市场监督管理局', shortName: '市场监管局', region: '539900000000', orgBase: '01520003', positions: ['登记注册科审批员', '执法大队队员', '数据管理员'] },
  { key: 'public-security', name: '云溪市公安局', shortName: '公安局', region: '539900000000', orgBase: '01520004', positions: ['户政民警', '数据管理员'] },
  { key: 'hrss', name: '云溪市人力资源和社会保障局', shortName: '人社局', region: '539900000000', orgBase: '01520005', positions: ['社保经办员'] },
  { key: 'health', name: '云溪市卫生健康委员会', shortName: '卫健委', region: '539900000000', orgBase: '01520006', positions: ['卫生监督员'] },
  { key: 'housing', name: '云溪市自然资源和规划局', shortName: '自然资源局', region: '539900000000', orgBase: '01520007', positions: ['规划审批员'] },
  { key: 'transport', name: '云溪市交通运输局', shortName: '交通局', region: '539900000000', orgBase: '01520008', positions: ['运输管理员'] },
  { key: 'civil', name: '云溪市民政局', shortName: '民政局', region: '539900000000', orgBase: '01520009', positions: ['社会救助经办员'] },
  { key: 'medical', name: '云溪市医疗保障局', shortName: '医保局', region: '539900000000', orgBase: '01520010', positions: ['医保经办员'] },
  { key: 'hotline', name: '云溪市12345政务服务便民热线中心', shortName: '12345热线', region: '539900000000', orgBase: '01520011', positions: ['坐席员', '派单员'] },
  { key: 'urban', name: '云溪市城市运行管理中心', shortName: '城运中心', region: '539900000000', orgBase: '01520012', positions: ['指挥中心值班员'] },
  { key: 'lancang-gov', name: '澜沧区人民政府办公室', shortName: '澜沧区政府办', region: '539902000000', orgBase: '01520013', positions: ['秘书'] },
  { key: 'cuihu-street', name: '澜沧区翠湖街道办事处', shortName: '翠湖街道', region: '539902001000', orgBase: '01520014', positions: ['网格员', '综治专干'] },
  { key: 'qingshi-service', name: '青石县政务服务管理局', shortName: '青石县政务局', region: '539921000000', orgBase: '01520015', positions: ['综合窗口受理员'] },
];

export type DemoStaff = { username: string; name: string; department: string; region?: string; roles: StaffRole[]; position?: string; phone: string };

export const demoStaff: DemoStaff[] = [
  { username: 'sysadmin', name: '周建国', department: 'bigdata', roles: ['sysadmin'], position: '平台运维岗', phone: '13988000001' },
  { username: 'secadmin', name: '吴敏', department: 'bigdata', roles: ['secadmin'], phone: '13988000002' },
  { username: 'auditor', name: '郑清', department: 'bigdata', roles: ['auditor'], phone: '13988000003' },
  { username: 'clerk', name: '李晓燕', department: 'gov-service', roles: ['clerk'], position: '综合窗口受理员', phone: '13988000004' },
  { username: 'reviewer', name: '王志强', department: 'market', roles: ['reviewer'], position: '登记注册科审批员', phone: '13988000005' },
  { username: 'hotline', name: '赵丽', department: 'hotline', roles: ['hotline-agent'], position: '坐席员', phone: '13988000006' },
  { username: 'dispatcher', name: '钱进', department: 'hotline', roles: ['dispatcher'], position: '派单员', phone: '13988000007' },
  { username: 'handler', name: '孙海', department: 'housing', roles: ['handler'], phone: '13988000008' },
  { username: 'gridworker', name: '马兰花', department: 'cuihu-street', region: '539902001101', roles: ['grid-worker'], position: '网格员', phone: '13988000009' },
  { username: 'command', name: '杨帆', department: 'urban', roles: ['command-operator'], position: '指挥中心值班员', phone: '13988000010' },
  { username: 'inspector', name: '胡铁军', department: 'market', roles: ['inspector'], position: '执法大队队员', phone: '13988000011' },
  { username: 'dataadmin', name: '林数', department: 'bigdata', roles: ['chief-data-officer'], position: '数据资源科科员', phone: '13988000012' },
  { username: 'dataconsumer', name: '高原', department: 'hrss', roles: ['data-consumer'], position: '社保经办员', phone: '13988000013' },
  { username: 'leader', name: '陈市长', department: 'bigdata', roles: ['leader'], position: '局长', phone: '13988000014' },
  { username: 'qsclerk', name: '段玉', department: 'qingshi-service', roles: ['clerk'], phone: '13988000015' },
  // 事项管理员 of the 政务服务管理局 keeps the city's catalogue and publishes; the market bureau's editor keeps its own.
  { username: 'catalogue', name: '许文静', department: 'gov-service', roles: ['catalogue-admin'], position: '窗口负责人', phone: '13988000016' },
  { username: 'itemeditor', name: '罗明', department: 'market', roles: ['catalogue-editor'], position: '登记注册科审批员', phone: '13988000017' },
  // One reviewer in every department that offers services, so each demo item can be processed to the end.
  { username: 'huzheng', name: '杨光明', department: 'public-security', roles: ['reviewer'], position: '户政民警', phone: '13988000018' },
  { username: 'shebao', name: '何雨', department: 'hrss', roles: ['reviewer'], position: '社保经办员', phone: '13988000019' },
  { username: 'weisheng', name: '蒋文', department: 'health', roles: ['reviewer', 'inspector'], position: '卫生监督员', phone: '13988000020' },
  { username: 'guihua', name: '邓涛', department: 'housing', roles: ['reviewer'], position: '规划审批员', phone: '13988000021' },
  { username: 'yunguan', name: '韩冰', department: 'transport', roles: ['reviewer', 'inspector'], position: '运输管理员', phone: '13988000022' },
  { username: 'minzheng', name: '彭丽', department: 'civil', roles: ['reviewer', 'handler'], position: '社会救助经办员', phone: '13988000023' },
  { username: 'yibao', name: '曾杰', department: 'medical', roles: ['reviewer'], position: '医保经办员', phone: '13988000024' },
  // Providers' data admins (数据管理员): 公安局 keeps the 人口库 items it is the source of, 市场监管局 the 法人库's.
  { username: 'gadata', name: '施婧', department: 'public-security', roles: ['data-admin'], position: '数据管理员', phone: '13988000026' },
  { username: 'scjgdata', name: '任远', department: 'market', roles: ['data-admin'], position: '数据管理员', phone: '13988000027' },
  { username: 'mzdata', name: '黄敏', department: 'civil', roles: ['data-consumer'], phone: '13988000028' },
  { username: 'qsreviewer', name: '石磊', department: 'qingshi-service', roles: ['reviewer', 'inspector', 'handler'], phone: '13988000025' },
];

export type DemoCitizen = { name: string; region6: string; birth: string; seq: number; phone: string };

export const demoCitizens: DemoCitizen[] = [
  { name: '张三', region6: '539902', birth: '1988-03-15', seq: 11, phone: '13800000001' },
  // 生僻字 outside the BMP: the name must survive every screen, PDF and export.
  { name: '𠮷祥', region6: '539902', birth: '1992-07-08', seq: 24, phone: '13800000002' },
  { name: '李四', region6: '539921', birth: '1975-11-30', seq: 35, phone: '13800000003' },
  { name: '王芳', region6: '539902', birth: '2000-01-20', seq: 42, phone: '13800000004' },
  { name: '欧阳䶮', region6: '539921', birth: '1965-05-05', seq: 57, phone: '13800000005' },
];

export type DemoEnterprise = { name: string; region12: string; orgBase: string; legalRep: number; address: string };

export const demoEnterprises: DemoEnterprise[] = [
  { name: '云溪市青禾食品有限公司', region12: '539902000000', orgBase: 'MA1QH001', legalRep: 0, address: '云溪市澜沧区翠湖路 18 号' },
  { name: '云溪澜沧绿源物流有限公司', region12: '539902000000', orgBase: 'MA1LY002', legalRep: 2, address: '云溪市澜沧区滨江大道 66 号' },
  { name: '青石县石门茶业专业合作社', region12: '539921000000', orgBase: 'MA1TM003', legalRep: 4, address: '青石县石门镇茶山路 3 号' },
];

/** 市场监管 credit codes: authority 9 (工商), type 1 (企业) — or 3 for 农民专业合作社 (9 3). */
export function enterpriseCreditCode(e: DemoEnterprise): string {
  const type = e.name.includes('合作社') ? '3' : '1';
  return makeCreditCode(`9${type}${e.region12.slice(0, 6)}`, e.orgBase);
}

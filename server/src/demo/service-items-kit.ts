import type { FormField, ItemVersionElements, LegalBasis, Material, ServiceItemInput, StaffRole, WorkflowStep } from '@zhengtong/contracts';

// Building blocks for the demo catalogue: materials, form fields, workflows and decision letters the way Chinese
// cities publish them in their 办事指南. Data, not code paths: the seed feeds them through the catalogue's own API.

export type DemoOffice = { location: string; hours: string; consultPhone: string; complaintPhone: string };

export type DemoItem = {
  department: string;
  item: Omit<ServiceItemInput, 'sort' | 'description'> & { description: string };
  elements: ItemVersionElements;
  /** Also implemented by 青石县政务服务管理局 (相对集中行政许可权), with these local differences. */
  county?: (elements: ItemVersionElements) => ItemVersionElements;
};

export const WEEKDAYS = '周一至周五 上午 9:00–12:00,下午 13:30–17:00(法定节假日除外)';
export const COUNTY_OFFICE: DemoOffice = {
  location: '青石县政务服务中心一楼综合窗口(青石县石门镇人民路 12 号)',
  hours: '周一至周五 上午 8:30–12:00,下午 14:00–17:30;周六上午 9:00–12:00 延时服务',
  consultPhone: '0872-6123456',
  complaintPhone: '12345(云溪市政务服务便民热线)',
};

/** A city window in the 云溪市政务服务中心, by the department's zone. */
export function cityOffice(zone: string, phone: string): DemoOffice {
  return {
    location: `云溪市政务服务中心 ${zone}(云溪市澜沧区翠湖路 88 号)`,
    hours: WEEKDAYS,
    consultPhone: phone,
    complaintPhone: '12345(云溪市政务服务便民热线)',
  };
}

const en = (zh: string, english: string) => ({ 'zh-CN': zh, 'en-US': english });

export function basis(name: string, article = '', excerpt = ''): LegalBasis {
  return { name, article, excerpt };
}

type MaterialOptions = Partial<Omit<Material, 'key' | 'name'>>;

export function material(key: string, name: string, options: MaterialOptions = {}): Material {
  return {
    key,
    name,
    source: 'applicant',
    issuer: '',
    originals: 1,
    copies: 0,
    formats: ['pdf', 'jpg', 'png'],
    maxSizeMb: 10,
    isRequired: true,
    canBeGap: false,
    canBePledged: false,
    blankFormUrl: null,
    sampleUrl: null,
    licenseTypeCode: null,
    note: '',
    ...options,
  };
}

/** A document the platform may already hold as an 电子证照 (免证办: staff fetch it instead of asking for it). */
export function license(key: string, name: string, issuer: string, licenseTypeCode: string, options: MaterialOptions = {}): Material {
  return material(key, name, { source: 'government', issuer, licenseTypeCode, note: '已有电子证照的,无需提交,由工作人员在线调取', ...options });
}

export const idCard = (options: MaterialOptions = {}) => license('idCard', '申请人居民身份证', '公安机关', '111', options);
export const proxyLetter = () =>
  material('proxyLetter', '授权委托书及受托人居民身份证', { note: '委托他人办理的提供', appliesWhen: { field: 'byProxy', equals: true }, blankFormUrl: '/files/forms/授权委托书.docx' });

type FieldOptions = Partial<Omit<FormField, 'key' | 'label' | 'type'>>;

export function field(key: string, zh: string, english: string, type: FormField['type'], options: FieldOptions = {}): FormField {
  return { key, label: en(zh, english), type, required: false, ...options };
}

export const option = (value: string, zh: string, english: string) => ({ value, label: en(zh, english) });

/** Applicant fields of a person, and the proxy fields shown only when someone else applies for them. */
export function personFields(): FormField[] {
  return [
    field('applicantName', '申请人姓名', 'Applicant’s name', 'text', { required: true, max: 30 }),
    field('applicantIdNumber', '申请人身份证号', 'Applicant’s ID number', 'idNumber', { required: true }),
    field('applicantPhone', '联系电话', 'Phone', 'phone', { required: true }),
    field('address', '现居住地址', 'Current address', 'text', { required: true, max: 100 }),
    ...proxyFields(),
  ];
}

export function proxyFields(): FormField[] {
  return [
    field('byProxy', '委托他人代为办理', 'Someone applies on my behalf', 'checkbox'),
    field('proxyName', '受托人姓名', 'Proxy’s name', 'text', { required: true, visibleWhen: { field: 'byProxy', equals: true } }),
    field('proxyIdNumber', '受托人身份证号', 'Proxy’s ID number', 'idNumber', { required: true, visibleWhen: { field: 'byProxy', equals: true } }),
  ];
}

/** Fields of an enterprise (or a business to be) applying through its 经办人. */
export function enterpriseFields(options: { hasCreditCode: boolean } = { hasCreditCode: true }): FormField[] {
  return [
    field('entityName', options.hasCreditCode ? '单位名称' : '拟设名称', 'Name', 'text', { required: true, max: 100 }),
    ...(options.hasCreditCode ? [field('creditCode', '统一社会信用代码', 'Unified social credit code', 'creditCode', { required: true })] : []),
    field('legalRepName', '法定代表人(负责人)', 'Legal representative', 'text', { required: true, max: 30 }),
    field('contactName', '经办人姓名', 'Contact person', 'text', { required: true, max: 30 }),
    field('contactPhone', '经办人电话', 'Contact phone', 'phone', { required: true }),
    field('premisesRegion', '经营场所所在区划', 'Region of the premises', 'region', { required: true }),
    field('premisesAddress', '经营场所详细地址', 'Address of the premises', 'text', { required: true, max: 120 }),
  ];
}

function step(key: WorkflowStep['key'], name: string, role: StaffRole, limitDays: number | null = null, options: Partial<WorkflowStep> = {}): WorkflowStep {
  return { key, name, role, departmentIds: [], isOptional: false, limitDays, ...options };
}

export const flows = {
  /** 受理 → 审查 → 决定 → 办结, the usual four steps. */
  standard(days: number, decider: StaffRole = 'reviewer') {
    return {
      steps: [step('accept', '受理', 'clerk', 1), step('review', '审查', 'reviewer', Math.max(1, days - 3)), step('decide', '决定', decider, 1), step('complete', '办结', 'clerk', 1)],
      allowsSpecialProcedure: false,
      specialProcedureNote: '',
    };
  },
  /** With an on-site inspection (现场核查) before the decision. */
  inspected(days: number, inspector: StaffRole = 'inspector', decider: StaffRole = 'reviewer') {
    return {
      steps: [
        step('accept', '受理', 'clerk', 1),
        step('review', '材料审查', 'reviewer', 2),
        step('inspect', '现场核查', inspector, Math.max(1, days - 5)),
        step('decide', '审批决定', decider, 1),
        step('complete', '办结送达', 'clerk', 1),
      ],
      allowsSpecialProcedure: true,
      specialProcedureNote: '需要听证、检验检测或专家评审的,所需时间不计入办结时限,并书面告知申请人',
    };
  },
  /** 即办件: accepted and completed at the window. */
  immediate() {
    return { steps: [step('accept', '受理', 'clerk', 0), step('complete', '当场办结', 'clerk', 0)], allowsSpecialProcedure: false, specialProcedureNote: '' };
  },
};

/** The decision letter most licences use (准予行政许可决定书). */
export function licenceLetter(licenceName: string): string {
  return [
    '准予行政许可决定书',
    '',
    '{{applicantName}}:',
    `你(单位)于 {{acceptedAt}} 提出的{{itemName}}申请(办件编号 {{caseNumber}}),经审查,符合法定条件和标准,决定准予行政许可,核发《${licenceName}》。`,
    '许可证编号:{{result.licenceNo}};有效期至 {{result.validUntil}}。',
    '请在有效期内依法从事许可事项;许可事项发生变更的,应当依法申请变更。',
    '',
    '{{departmentName}}',
    '{{decidedAt}}',
  ].join('\n');
}

export const licenceResultFields = (): FormField[] => [
  field('licenceNo', '许可证编号', 'Licence number', 'text', { required: true, max: 40 }),
  field('validUntil', '有效期至', 'Valid until', 'date', { required: true }),
];

export function noticeLetter(title: string, body: string): string {
  return [title, '', '{{applicantName}}:', body, '', '{{departmentName}}', '{{decidedAt}}'].join('\n');
}

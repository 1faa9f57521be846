import type { DataLevel, MaskingKind, OpenType, ShareType } from '@zhengtong/contracts';

// 云溪市's data resource catalogue (数据资源目录): eleven published or reviewed entries whose codes and providers
// every data domain's demo relies on (人口库 and 法人库 at their head), plus one entry still drafted and one retired,
// so every state has an example. Metadata follows the catalogue compilation guide: 类/项/目/细目, 共享/开放类型 with
// their legal basis, 信息项 graded 核心/重要/一般 with sub-levels, and for each item its authoritative source.

export type DemoField = {
  key: string;
  name: string;
  type?: 'string' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean';
  description?: string;
  shareType?: ShareType;
  openType?: OpenType;
  level?: DataLevel;
  subLevel?: string | null;
  masking?: MaskingKind;
  identifier?: 'idNumber' | 'creditCode';
  legalBasis?: string;
  /** Department key (people.ts) whose value is authoritative, when not the provider's (一数一源). */
  source?: string;
};

export type DemoResource = {
  code: string;
  provider: string;
  sourceKind: 'table' | 'personRegistry' | 'entityRegistry';
  /** published (the default), review (awaiting the platform), draft, retired. */
  state?: 'published' | 'review' | 'draft' | 'retired';
  retiredBecause?: string;
  definition: {
    name: string;
    catalogueType: 'base' | 'theme' | 'department';
    classification: { category: string; item?: string; directory?: string; detail?: string };
    summary: string;
    format: 'database' | 'spreadsheet' | 'api' | 'file';
    themes: string[];
    keywords: string[];
    shareType: ShareType;
    shareCondition?: string;
    legalBasis?: string;
    shareMethods: ('interface' | 'file' | 'database')[];
    openType: OpenType;
    openCondition?: string;
    updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'irregular';
    releasedOn: string | null;
    relatedCodes?: string[];
    keyField: string;
    fields: DemoField[];
  };
};

const personal = (key: string, name: string, masking: MaskingKind, extra: Partial<DemoField> = {}): DemoField => ({ key, name, masking, level: 'important', subLevel: 'L4', ...extra });
const general = (key: string, name: string, extra: Partial<DemoField> = {}): DemoField => ({ key, name, level: 'general', ...extra });

export const demoResources: DemoResource[] = [
  {
    code: '539900-GA-0001',
    provider: 'public-security',
    sourceKind: 'personRegistry',
    definition: {
      name: '人口基础信息',
      catalogueType: 'base',
      classification: { category: '基础信息', item: '人口', directory: '人口基本信息', detail: '户籍人口' },
      summary: '云溪市户籍人口的身份、户籍与联系方式,是人口库的权威来源。公安局为身份与户籍信息的提供方,手机号码由大数据局统一身份认证平台提供。',
      format: 'database',
      themes: ['人口', '社会治理'],
      keywords: ['人口库', '户籍', '身份证'],
      shareType: 'conditional',
      shareCondition: '用于依法履行职责的政务服务和社会治理事项,按最小必要原则申请信息项',
      legalBasis: '《中华人民共和国居民身份证法》《中华人民共和国户口登记条例》《中华人民共和国个人信息保护法》',
      shareMethods: ['interface'],
      openType: 'closed',
      updateCycle: 'daily',
      releasedOn: '2026-03-01',
      keyField: 'idNumber',
      fields: [
        personal('idNumber', '公民身份号码', 'idNumber', { description: '18 位居民身份证号码(GB 11643)' }),
        personal('name', '姓名', 'name'),
        general('gender', '性别', { subLevel: 'L3' }),
        general('birthDate', '出生日期', { type: 'date', subLevel: 'L3' }),
        general('ethnicity', '民族', { subLevel: 'L3' }),
        general('regionCode', '户籍地行政区划', { subLevel: 'L2', description: '12 位统计用区划代码' }),
        personal('address', '户籍地址', 'address', { level: 'general', subLevel: 'L3' }),
        personal('mobile', '手机号码', 'mobile', { level: 'general', subLevel: 'L3', source: 'bigdata', description: '实名注册时核验的手机号码,权威来源为统一身份认证平台' }),
      ],
    },
  },
  {
    code: '539900-SJ-0001',
    provider: 'market',
    sourceKind: 'entityRegistry',
    definition: {
      name: '法人基础信息',
      catalogueType: 'base',
      classification: { category: '基础信息', item: '法人', directory: '市场主体登记信息' },
      summary: '在云溪市登记的企业、个体工商户和农民专业合作社的统一社会信用代码、名称、法定代表人、住所、登记状态与成立日期,是法人库的权威来源。',
      format: 'database',
      themes: ['法人', '营商环境'],
      keywords: ['法人库', '营业执照', '统一社会信用代码'],
      shareType: 'unconditional',
      shareMethods: ['interface', 'file'],
      openType: 'restricted',
      openCondition: '经申请可获取除法定代表人身份证号码外的登记信息',
      updateCycle: 'daily',
      releasedOn: '2026-03-01',
      relatedCodes: ['539900-SJ-0002'],
      keyField: 'creditCode',
      fields: [
        general('creditCode', '统一社会信用代码', { identifier: 'creditCode', subLevel: 'L1', shareType: 'unconditional', openType: 'restricted' }),
        general('name', '市场主体名称', { subLevel: 'L1' }),
        general('legalRepName', '法定代表人姓名', { masking: 'name', subLevel: 'L3' }),
        {
          key: 'legalRepIdNumber',
          name: '法定代表人身份证号码',
          masking: 'idNumber',
          level: 'important',
          subLevel: 'L4',
          shareType: 'conditional',
          openType: 'closed',
          legalBasis: '《中华人民共和国个人信息保护法》第十三条:为履行法定职责所必需',
        },
        general('regionCode', '登记机关区划', { subLevel: 'L1' }),
        general('address', '住所', { subLevel: 'L1' }),
        general('status', '登记状态', { subLevel: 'L1', description: '存续、吊销、注销' }),
        general('establishedOn', '成立日期', { type: 'date', subLevel: 'L1' }),
      ],
    },
  },
  {
    code: '539900-RS-0001',
    provider: 'hrss',
    sourceKind: 'table',
    definition: {
      name: '社会保险参保信息',
      catalogueType: 'department',
      classification: { category: '社会保障', item: '社会保险', directory: '参保登记', detail: '企业职工与城乡居民' },
      summary: '个人参加基本养老、失业、工伤保险的险种、参保状态、起始年月与参保单位,用于就业创业、社会救助和人才服务的资格核验。',
      format: 'database',
      themes: ['社会保障', '就业创业'],
      keywords: ['社保', '参保证明', '养老保险'],
      shareType: 'conditional',
      shareCondition: '用于办理就业、救助、人才认定等事项时核验参保情况',
      legalBasis: '《中华人民共和国社会保险法》第七十四条',
      shareMethods: ['interface'],
      openType: 'closed',
      updateCycle: 'daily',
      releasedOn: '2026-04-10',
      relatedCodes: ['539900-YB-0001'],
      keyField: 'idNumber',
      fields: [
        personal('idNumber', '公民身份号码', 'idNumber'),
        personal('name', '姓名', 'name'),
        general('insuranceType', '参保险种', { subLevel: 'L3' }),
        general('status', '参保状态', { subLevel: 'L3', description: '正常参保、暂停缴费、终止' }),
        general('startMonth', '参保起始年月', { subLevel: 'L3', description: 'YYYY-MM' }),
        general('employer', '参保单位', { subLevel: 'L3' }),
      ],
    },
  },
  {
    code: '539900-SJ-0002',
    provider: 'market',
    sourceKind: 'table',
    definition: {
      name: '食品经营许可信息',
      catalogueType: 'department',
      classification: { category: '市场监管', item: '行政许可', directory: '食品经营许可' },
      summary: '云溪市食品经营许可证的编号、经营者、统一社会信用代码、经营场所、经营项目、有效期与所在区县。',
      format: 'spreadsheet',
      themes: ['市场监管', '食品安全', '营商环境'],
      keywords: ['食品经营许可证', '餐饮', '许可公示'],
      shareType: 'unconditional',
      shareMethods: ['interface', 'file'],
      openType: 'open',
      updateCycle: 'daily',
      releasedOn: '2026-04-01',
      relatedCodes: ['539900-SJ-0001'],
      keyField: 'licenseNumber',
      fields: [
        general('licenseNumber', '许可证编号', { subLevel: 'L1' }),
        general('enterpriseName', '经营者名称', { subLevel: 'L1' }),
        general('creditCode', '统一社会信用代码', { identifier: 'creditCode', subLevel: 'L1' }),
        general('address', '经营场所', { subLevel: 'L1' }),
        general('businessScope', '经营项目', { subLevel: 'L1' }),
        general('validUntil', '有效期至', { type: 'date', subLevel: 'L1' }),
        general('district', '所在区县', { subLevel: 'L1' }),
      ],
    },
  },
  {
    code: '539900-WJ-0001',
    provider: 'health',
    sourceKind: 'table',
    definition: {
      name: '公共场所卫生许可信息',
      catalogueType: 'department',
      classification: { category: '卫生健康', item: '行政许可', directory: '公共场所卫生许可' },
      summary: '住宿、沐浴、美容美发、游泳等公共场所的卫生许可证编号、场所名称、经营单位、类别、地址、有效期与所属街道乡镇。',
      format: 'spreadsheet',
      themes: ['卫生健康', '营商环境'],
      keywords: ['卫生许可证', '公共场所'],
      shareType: 'unconditional',
      shareMethods: ['interface', 'file'],
      openType: 'open',
      updateCycle: 'weekly',
      releasedOn: '2026-04-15',
      keyField: 'permitNumber',
      fields: [
        general('permitNumber', '卫生许可证编号', { subLevel: 'L1' }),
        general('placeName', '场所名称', { subLevel: 'L1' }),
        general('operator', '经营单位', { subLevel: 'L1' }),
        general('creditCode', '统一社会信用代码', { identifier: 'creditCode', subLevel: 'L1' }),
        general('category', '场所类别', { subLevel: 'L1' }),
        general('address', '地址', { subLevel: 'L1' }),
        general('validUntil', '有效期至', { type: 'date', subLevel: 'L1' }),
        general('town', '所属街道乡镇', { subLevel: 'L1' }),
      ],
    },
  },
  {
    code: '539900-MZ-0001',
    provider: 'civil',
    sourceKind: 'table',
    definition: {
      name: '最低生活保障对象信息',
      catalogueType: 'department',
      classification: { category: '社会保障', item: '社会救助', directory: '最低生活保障', detail: '城乡低保' },
      summary: '城乡最低生活保障对象的身份、性别、年龄段、所属街道乡镇、家庭人口、月保障金额(分)与纳入保障日期。个人信息不出库,统计分析通过“可用不可见”聚合查询。',
      format: 'database',
      themes: ['社会救助', '民生保障'],
      keywords: ['低保', '社会救助', '困难群众'],
      shareType: 'conditional',
      shareCondition: '用于社会救助、医疗救助、教育资助等事项的资格核验;统计分析仅提供聚合结果',
      legalBasis: '《社会救助暂行办法》第九条、《最低生活保障审核确认办法》',
      shareMethods: ['interface'],
      openType: 'closed',
      updateCycle: 'monthly',
      releasedOn: '2026-05-01',
      keyField: 'idNumber',
      fields: [
        personal('idNumber', '公民身份号码', 'idNumber'),
        personal('name', '姓名', 'name'),
        general('gender', '性别', { subLevel: 'L3' }),
        general('ageBand', '年龄段', { subLevel: 'L3' }),
        general('town', '所属街道乡镇', { subLevel: 'L2' }),
        general('householdSize', '家庭人口', { type: 'integer', subLevel: 'L3' }),
        general('monthlyAmountFen', '月保障金额(分)', { type: 'integer', subLevel: 'L3' }),
        general('since', '纳入保障日期', { type: 'date', subLevel: 'L3' }),
      ],
    },
  },
  {
    code: '539900-JT-0001',
    provider: 'transport',
    sourceKind: 'table',
    definition: {
      name: '道路运输经营许可信息',
      catalogueType: 'department',
      classification: { category: '交通运输', item: '行政许可', directory: '道路运输经营许可' },
      summary: '道路旅客运输、普通货物运输等经营许可的许可证号、经营者、统一社会信用代码、经营范围、地址、有效期与车辆数。',
      format: 'spreadsheet',
      themes: ['交通运输', '营商环境'],
      keywords: ['道路运输经营许可证', '货运', '客运'],
      shareType: 'unconditional',
      shareMethods: ['interface', 'file'],
      openType: 'open',
      updateCycle: 'quarterly',
      releasedOn: '2026-04-20',
      keyField: 'licenseNumber',
      fields: [
        general('licenseNumber', '许可证号', { subLevel: 'L1' }),
        general('operatorName', '经营者名称', { subLevel: 'L1' }),
        general('creditCode', '统一社会信用代码', { identifier: 'creditCode', subLevel: 'L1' }),
        general('businessScope', '经营范围', { subLevel: 'L1' }),
        general('address', '经营地址', { subLevel: 'L1' }),
        general('validUntil', '有效期至', { type: 'date', subLevel: 'L1' }),
        general('vehicleCount', '营运车辆数', { type: 'integer', subLevel: 'L1' }),
      ],
    },
  },
  {
    code: '539900-CY-0001',
    provider: 'urban',
    sourceKind: 'table',
    definition: {
      name: '空气质量日报',
      catalogueType: 'theme',
      classification: { category: '生态环境', item: '环境质量', directory: '空气质量' },
      summary: '全市六个空气质量监测站点每日的空气质量指数(AQI)、PM2.5 日均浓度(微克/立方米)与空气质量级别。',
      format: 'api',
      themes: ['生态环境', '城市运行'],
      keywords: ['AQI', 'PM2.5', '空气质量'],
      shareType: 'unconditional',
      shareMethods: ['interface', 'file'],
      openType: 'open',
      updateCycle: 'daily',
      releasedOn: '2026-06-01',
      keyField: 'recordId',
      fields: [
        general('recordId', '记录编号', { subLevel: 'L1', description: '日期-站点,如 2026-11-01-翠湖' }),
        general('date', '日期', { type: 'date', subLevel: 'L1' }),
        general('station', '监测站点', { subLevel: 'L1' }),
        general('aqi', '空气质量指数', { type: 'integer', subLevel: 'L1' }),
        general('pm25', 'PM2.5 日均浓度', { type: 'number', subLevel: 'L1' }),
        general('grade', '空气质量级别', { subLevel: 'L1' }),
      ],
    },
  },
  {
    code: '539900-RX-0001',
    provider: 'hotline',
    sourceKind: 'table',
    definition: {
      name: '12345 热线诉求分类月度统计',
      catalogueType: 'theme',
      classification: { category: '社会治理', item: '12345 热线', directory: '诉求统计' },
      summary: '12345 政务服务便民热线按月、按诉求类别统计的受理量、办结率与满意率。',
      format: 'spreadsheet',
      themes: ['社会治理', '政务服务'],
      keywords: ['12345', '热线', '诉求'],
      shareType: 'unconditional',
      shareMethods: ['file', 'interface'],
      openType: 'open',
      updateCycle: 'monthly',
      releasedOn: '2026-02-01',
      keyField: 'recordId',
      fields: [
        general('recordId', '记录编号', { subLevel: 'L1', description: '月份-类别,如 2026-06-城乡建设' }),
        general('month', '统计月份', { subLevel: 'L1' }),
        general('category', '诉求类别', { subLevel: 'L1' }),
        general('count', '受理量', { type: 'integer', subLevel: 'L1' }),
        general('resolvedRate', '办结率(%)', { type: 'number', subLevel: 'L1' }),
        general('satisfaction', '满意率(%)', { type: 'number', subLevel: 'L1' }),
      ],
    },
  },
  {
    code: '539900-YB-0001',
    provider: 'medical',
    sourceKind: 'table',
    definition: {
      name: '医保参保信息',
      catalogueType: 'department',
      classification: { category: '社会保障', item: '医疗保障', directory: '参保登记' },
      summary: '个人参加职工基本医疗保险或城乡居民基本医疗保险的险种、参保状态、参保日期与医疗救助类别。',
      format: 'database',
      themes: ['社会保障', '医疗卫生'],
      keywords: ['医保', '参保', '医疗救助'],
      shareType: 'conditional',
      shareCondition: '用于医疗救助、就医结算和社会救助的资格核验',
      legalBasis: '《中华人民共和国社会保险法》《医疗保障基金使用监督管理条例》',
      shareMethods: ['interface'],
      openType: 'closed',
      updateCycle: 'daily',
      releasedOn: '2026-04-10',
      relatedCodes: ['539900-RS-0001', '539900-MZ-0001'],
      keyField: 'idNumber',
      fields: [
        personal('idNumber', '公民身份号码', 'idNumber'),
        personal('name', '姓名', 'name'),
        general('insuranceType', '参保险种', { subLevel: 'L3' }),
        general('status', '参保状态', { subLevel: 'L3' }),
        general('insuredSince', '参保日期', { type: 'date', subLevel: 'L3' }),
        general('aidCategory', '医疗救助类别', { subLevel: 'L3', description: '特困、低保、低保边缘等;无则为空' }),
      ],
    },
  },
  {
    code: '539900-ZR-0001',
    provider: 'housing',
    sourceKind: 'table',
    state: 'review',
    definition: {
      name: '不动产登记信息',
      catalogueType: 'department',
      classification: { category: '自然资源', item: '不动产登记', directory: '不动产权利' },
      summary: '不动产权证书号、不动产单元号、权利人、坐落、面积、用途与登记日期,用于“一网通办”中不动产相关事项的免证核验。',
      format: 'database',
      themes: ['自然资源', '营商环境'],
      keywords: ['不动产', '房产证', '产权'],
      shareType: 'conditional',
      shareCondition: '用于办理户籍、入学、公积金、税务等事项时核验不动产权属',
      legalBasis: '《不动产登记暂行条例》第二十七条、《不动产登记资料查询暂行办法》',
      shareMethods: ['interface'],
      openType: 'closed',
      updateCycle: 'daily',
      releasedOn: null,
      keyField: 'certificateNumber',
      fields: [
        general('certificateNumber', '不动产权证书号', { subLevel: 'L3' }),
        general('unitNumber', '不动产单元号', { subLevel: 'L3' }),
        personal('ownerName', '权利人', 'name'),
        personal('ownerIdNumber', '权利人证件号码', 'idNumber'),
        personal('location', '坐落', 'address', { level: 'general', subLevel: 'L3' }),
        general('area', '建筑面积(平方米)', { type: 'number', subLevel: 'L3' }),
        general('usage', '用途', { subLevel: 'L3' }),
        general('registeredOn', '登记日期', { type: 'date', subLevel: 'L3' }),
      ],
    },
  },
  {
    code: '539900-JT-0002',
    provider: 'transport',
    sourceKind: 'table',
    state: 'draft',
    definition: {
      name: '公交线路客流月度统计',
      catalogueType: 'theme',
      classification: { category: '交通运输', item: '公共交通', directory: '客流统计' },
      summary: '各公交线路按月统计的刷卡、扫码客流量与高峰时段满载率(编目中)。',
      format: 'spreadsheet',
      themes: ['交通运输', '城市运行'],
      keywords: ['公交', '客流'],
      shareType: 'unconditional',
      shareMethods: ['file'],
      openType: 'open',
      updateCycle: 'monthly',
      releasedOn: null,
      keyField: 'recordId',
      fields: [
        general('recordId', '记录编号', { subLevel: 'L1' }),
        general('month', '统计月份', { subLevel: 'L1' }),
        general('line', '线路', { subLevel: 'L1' }),
        general('passengers', '客流量(人次)', { type: 'integer', subLevel: 'L1' }),
        general('peakLoadRate', '高峰满载率(%)', { type: 'number', subLevel: 'L1' }),
      ],
    },
  },
  {
    code: '539900-WJ-0002',
    provider: 'health',
    sourceKind: 'table',
    state: 'retired',
    retiredBecause: '医疗机构执业登记已由全国医疗机构电子化注册系统提供,本地资源停止更新',
    definition: {
      name: '医疗机构执业登记信息(旧版)',
      catalogueType: 'department',
      classification: { category: '卫生健康', item: '医疗机构', directory: '执业登记' },
      summary: '医疗机构名称、执业许可证号、诊疗科目与地址(已停用)。',
      format: 'file',
      themes: ['卫生健康'],
      keywords: ['医疗机构', '执业许可证'],
      shareType: 'unconditional',
      shareMethods: ['file'],
      openType: 'open',
      updateCycle: 'yearly',
      releasedOn: '2021-06-30',
      keyField: 'licenseNumber',
      fields: [
        general('licenseNumber', '执业许可证登记号', { subLevel: 'L1' }),
        general('institutionName', '机构名称', { subLevel: 'L1' }),
        general('subjects', '诊疗科目', { subLevel: 'L1' }),
        general('address', '地址', { subLevel: 'L1' }),
      ],
    },
  },
];

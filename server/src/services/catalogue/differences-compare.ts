import {
  caseKindNames,
  limitUnitNames,
  powerSourceNames,
  serviceAudienceNames,
  serviceChannelNames,
  serviceItemTypeNames,
  type BilingualText,
  type ImplementationDifferences,
  type ItemSnapshot,
  type ItemVersionElements,
  type LegalBasis,
  type TimeLimit,
} from '@zhengtong/contracts';

// 四级四同: every implementation of an item has the same name, code, basis and type; everything else may be local.
// Pure: given each implementation's version in force, say per element which implementations share which value.

export type Compared = { implementationId: string; snapshot: ItemSnapshot; elements: ItemVersionElements };
type Element = ImplementationDifferences['elements'][number];

const basisText = (basis: readonly LegalBasis[]) => basis.map((b) => `${b.name}${b.article}`).join(';');
const limitText = (limit: TimeLimit | null) => (limit ? `${limit.days}${limitUnitNames[limit.unit]['zh-CN']}${limit.note ? `(${limit.note})` : ''}` : '无');
const yesNo = (v: boolean) => (v ? '是' : '否');

type Extractor = { element: string; label: BilingualText; kind: 'mustMatch' | 'local'; value: (c: Compared) => string; defined?: (item: ItemSnapshot) => string };

const extractors: Extractor[] = [
  { element: 'name', label: { 'zh-CN': '事项名称', 'en-US': 'Name' }, kind: 'mustMatch', value: (c) => c.snapshot.name, defined: (i) => i.name },
  { element: 'basicCode', label: { 'zh-CN': '基本编码', 'en-US': 'Basic code' }, kind: 'mustMatch', value: (c) => c.snapshot.basicCode, defined: (i) => i.basicCode },
  { element: 'type', label: { 'zh-CN': '事项类型', 'en-US': 'Type' }, kind: 'mustMatch', value: (c) => serviceItemTypeNames[c.snapshot.type]['zh-CN'], defined: (i) => serviceItemTypeNames[i.type]['zh-CN'] },
  { element: 'basis', label: { 'zh-CN': '设定依据', 'en-US': 'Legal basis' }, kind: 'mustMatch', value: (c) => basisText(c.snapshot.basis), defined: (i) => basisText(i.basis) },
  { element: 'powerSource', label: { 'zh-CN': '权力来源', 'en-US': 'Power source' }, kind: 'local', value: (c) => powerSourceNames[c.snapshot.powerSource]['zh-CN'] },
  { element: 'audience', label: { 'zh-CN': '服务对象', 'en-US': 'Audience' }, kind: 'local', value: (c) => serviceAudienceNames[c.snapshot.audience]['zh-CN'] },
  { element: 'acceptanceConditions', label: { 'zh-CN': '受理条件', 'en-US': 'Acceptance conditions' }, kind: 'local', value: (c) => c.elements.acceptanceConditions },
  { element: 'legalLimit', label: { 'zh-CN': '法定办结时限', 'en-US': 'Statutory limit' }, kind: 'local', value: (c) => limitText(c.elements.legalLimit) },
  { element: 'promisedLimit', label: { 'zh-CN': '承诺办结时限', 'en-US': 'Promised limit' }, kind: 'local', value: (c) => limitText(c.elements.promisedLimit) },
  { element: 'caseKind', label: { 'zh-CN': '办件类型', 'en-US': 'Case kind' }, kind: 'local', value: (c) => caseKindNames[c.elements.caseKind]['zh-CN'] },
  { element: 'channels', label: { 'zh-CN': '办理形式', 'en-US': 'Channels' }, kind: 'local', value: (c) => [...c.elements.channels].sort().map((ch) => serviceChannelNames[ch]['zh-CN']).join('、') },
  { element: 'visitsRequired', label: { 'zh-CN': '到办事现场次数', 'en-US': 'Visits required' }, kind: 'local', value: (c) => String(c.elements.visitsRequired) },
  {
    element: 'fees',
    label: { 'zh-CN': '收费', 'en-US': 'Fees' },
    kind: 'local',
    value: (c) => (c.elements.fees.isCharged ? `收费 ${((c.elements.fees.amountFen ?? 0) / 100).toFixed(2)} 元(${c.elements.fees.basis ?? ''})` : '不收费'),
  },
  { element: 'location', label: { 'zh-CN': '办理地点', 'en-US': 'Location' }, kind: 'local', value: (c) => c.elements.location },
  { element: 'hours', label: { 'zh-CN': '办理时间', 'en-US': 'Hours' }, kind: 'local', value: (c) => c.elements.hours },
  { element: 'consultPhone', label: { 'zh-CN': '咨询电话', 'en-US': 'Enquiries' }, kind: 'local', value: (c) => c.elements.consultPhone },
  { element: 'complaintPhone', label: { 'zh-CN': '监督投诉电话', 'en-US': 'Complaints' }, kind: 'local', value: (c) => c.elements.complaintPhone },
  { element: 'allowsPledge', label: { 'zh-CN': '告知承诺', 'en-US': 'Pledge allowed' }, kind: 'local', value: (c) => yesNo(c.elements.allowsPledge) },
  { element: 'allowsGaps', label: { 'zh-CN': '容缺受理', 'en-US': 'Acceptance with gaps' }, kind: 'local', value: (c) => yesNo(c.elements.allowsGaps) },
  {
    element: 'materials',
    label: { 'zh-CN': '申请材料', 'en-US': 'Materials' },
    kind: 'local',
    value: (c) => c.elements.materials.map((m) => `${m.name}${m.isRequired ? '' : '(非必要)'}${m.canBeGap ? '(可容缺)' : ''}${m.canBePledged ? '(可承诺)' : ''}`).join(';'),
  },
  { element: 'form', label: { 'zh-CN': '申请表', 'en-US': 'Application form' }, kind: 'local', value: (c) => c.elements.form.fields.map((f) => f.label['zh-CN']).join('、') },
  { element: 'workflow', label: { 'zh-CN': '办理流程', 'en-US': 'Workflow' }, kind: 'local', value: (c) => c.elements.workflow.steps.map((s) => s.name).join(' → ') },
  { element: 'resultFields', label: { 'zh-CN': '办理结果', 'en-US': 'Result fields' }, kind: 'local', value: (c) => c.elements.resultFields.map((f) => f.label['zh-CN']).join('、') },
];

/** Per element: the groups of implementations sharing a value; a mustMatch element must be one group, as defined. */
export function compareImplementations(item: ItemSnapshot, compared: readonly Compared[]): { elements: Element[]; violationCount: number } {
  const elements = extractors.map((x): Element => {
    const groups = new Map<string, string[]>();
    for (const c of compared) {
      const value = x.value(c);
      groups.set(value, [...(groups.get(value) ?? []), c.implementationId]);
    }
    const defined = x.defined?.(item);
    const list = [...groups].map(([value, implementationIds]) => ({ value, implementationIds, isAsDefined: defined === undefined ? null : value === defined }));
    const isUniform = list.length <= 1;
    const isViolation = x.kind === 'mustMatch' && (!isUniform || list.some((g) => g.isAsDefined === false));
    return { element: x.element, label: x.label, kind: x.kind, isUniform, isViolation, groups: list };
  });
  return { elements, violationCount: elements.filter((e) => e.isViolation).length };
}

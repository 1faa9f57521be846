import {
  caseKindNames,
  materialSourceNames,
  serviceChannelNames,
  serviceItemTypeNames,
  limitUnitNames,
  type FormField,
  type ItemVersionView,
  type ResultKind,
  type TimeLimit,
} from '@zhengtong/contracts';
import { PdfBuilder, millimetres } from '../../kernel/pdf';
import type { Row } from '../../kernel/db';
import { stampSeal, type Seal } from '../../platform/seals';
import type { CaseRow, MaterialRow } from './repo';
import { dateText } from './texts';

// The printed documents of a case: the receipt (受理回执) with its tracking QR code, the decision letter, and the
// printable guide (办事指南) of an item version. Fonts with Chinese glyphs are embedded by kernel/pdf.

function limitText(limit: TimeLimit | null): string {
  if (!limit) return '无法定时限';
  if (limit.days === 0) return '即时办结';
  return `${limit.days}${limitUnitNames[limit.unit]['zh-CN']}${limit.note ? `(${limit.note})` : ''}`;
}

function valueText(field: FormField, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const options = field.options ?? [];
  const label = (v: string) => options.find((o) => o.value === v)?.label['zh-CN'] ?? v;
  if (Array.isArray(value)) return value.map((v) => label(String(v))).join('、');
  return label(String(value));
}

export function trackingUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/track/${encodeURIComponent(code)}`;
}

function dateTimeText(at: Date | null): string {
  if (!at) return '';
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${dateText(at, 'zh-CN')} ${local.slice(11, 16)}`;
}

export type ReceiptFacts = {
  row: CaseRow;
  version: ItemVersionView;
  materials: MaterialRow[];
  pledges: Row<'case_pledges'>[];
  gaps: Row<'case_gaps'>[];
  publicUrl: string;
};

/** 受理回执 once accepted; 收件回执 while the case waits for acceptance. */
export async function receiptPdf(facts: ReceiptFacts): Promise<Buffer> {
  const { row, version } = facts;
  const isAccepted = row.accepted_at !== null || row.status === 'completed';
  const title = isAccepted ? '受理回执' : '收件回执';
  const pdf = new PdfBuilder({ title: `${title} ${row.case_number ?? ''}`, subject: row.item_name, author: row.handling_department_name });
  const qrSize = 32 * millimetres;
  const qrX = pdf.doc.page.width - pdf.doc.page.margins.right - qrSize;
  const qrY = pdf.doc.page.margins.top;
  pdf.qr(trackingUrl(facts.publicUrl, row.tracking_code), { x: qrX, y: qrY, size: qrSize });
  pdf.textAt('扫码查询办理进度', { x: qrX, y: qrY + qrSize + 2, width: qrSize });
  pdf.doc.y = qrY + qrSize / 3;
  pdf.title(title);
  pdf.doc.y = Math.max(pdf.doc.y, qrY + qrSize + 16);
  pdf.fields([
    ['办件编号', row.case_number ?? ''],
    ['事项名称', row.item_name],
    ['申请人', row.applicant_name],
    ...(row.agent_name ? [['经办人', row.agent_name] as const] : []),
    ['办理部门', row.handling_department_name],
    ['申请方式', row.channel === 'window' ? '窗口申请' : '网上申请'],
    ['提交时间', dateTimeText(row.submitted_at)],
    ...(isAccepted ? [['受理时间', dateTimeText(row.accepted_at)] as const] : []),
    ['办件类型', caseKindNames[row.case_kind]['zh-CN']],
    ['承诺办结时限', limitText(version.promisedLimit)],
    ...(row.due_at ? [['承诺办结日期', dateText(row.due_at, 'zh-CN')] as const] : []),
  ]);
  pdf.rule();
  pdf.text('已收材料', { bold: true, size: 12, gapAfter: 0.3 });
  const names = new Map(version.materials.map((m) => [m.key, m.name]));
  const byKey = new Map<string, MaterialRow[]>();
  for (const m of facts.materials) byKey.set(m.material_key, [...(byKey.get(m.material_key) ?? []), m]);
  if (byKey.size === 0) pdf.text('无');
  [...byKey.entries()].forEach(([key, files], i) => pdf.text(`${i + 1}. ${names.get(key) ?? key}(${files.length} 份电子件,${files.some((f) => f.trust_level === 'B') ? '窗口核验原件' : '申请人上传'})`));
  if (facts.pledges.length > 0) {
    pdf.gap(0.5).text('告知承诺(以承诺代替提交)', { bold: true, size: 12, gapAfter: 0.3 });
    facts.pledges.forEach((p, i) => pdf.text(`${i + 1}. ${names.get(p.material_key) ?? p.material_key}:申请人 ${p.signer_name} 已签署承诺`));
  }
  if (facts.gaps.length > 0) {
    pdf.gap(0.5).text('容缺受理:尚需补交的材料', { bold: true, size: 12, gapAfter: 0.3 });
    facts.gaps.forEach((g, i) => pdf.text(`${i + 1}. ${names.get(g.material_key) ?? g.material_key}:${g.form},请于 ${dateText(g.due_at, 'zh-CN')} 前补交${g.fulfilled_at ? '(已补交)' : ''}`));
  }
  pdf.rule();
  pdf.muted(`咨询电话:${version.consultPhone}  监督投诉:${version.complaintPhone}`);
  pdf.muted(`扫描右上角二维码或访问 ${trackingUrl(facts.publicUrl, row.tracking_code)} 查询办理进度。`);
  pdf.gap(2).text(`${row.handling_department_name}`, { align: 'right' }).text(dateText(row.accepted_at ?? row.submitted_at ?? new Date(), 'zh-CN'), { align: 'right' });
  return pdf.finish();
}

export type LetterFacts = {
  row: CaseRow;
  version: ItemVersionView;
  kind: ResultKind;
  result: Record<string, unknown>;
  reason: string | null;
  decidedAt: Date;
  regionName: string;
  publicUrl: string;
  /** The handling department's 行政审批专用章, when it has one in force. */
  seal: Pick<Seal, 'name' | 'kind'> | null;
};

function letterTitle(version: ItemVersionView, kind: ResultKind): string {
  const isLicence = version.serviceItem.type === 'license';
  switch (kind) {
    case 'approved':
      return isLicence ? '准予行政许可决定书' : '办理结果通知书';
    case 'denied':
      return isLicence ? '不予行政许可决定书' : '不予办理决定书';
    case 'refused':
      return '不予受理决定书';
  }
}

/** Fills {{placeholders}} of the version's result template (catalogue resultTemplatePlaceholders). */
export function fillTemplate(template: string, facts: LetterFacts): string {
  const { row } = facts;
  const system: Record<string, string> = {
    caseNumber: row.case_number ?? '',
    applicantName: row.applicant_name,
    itemName: row.item_name,
    departmentName: row.handling_department_name,
    regionName: facts.regionName,
    decidedAt: dateText(facts.decidedAt, 'zh-CN'),
    acceptedAt: dateText(row.accepted_at, 'zh-CN'),
  };
  const fieldOf = (fields: readonly FormField[], key: string) => fields.find((f) => f.key === key);
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_whole, name: string) => {
    const [scope, key] = name.split('.', 2);
    if (key === undefined) return system[name] ?? '';
    if (scope === 'form') {
      const field = fieldOf(facts.version.form.fields, key);
      return field ? valueText(field, row.form_values[key]) : '';
    }
    if (scope === 'result') {
      const field = fieldOf(facts.version.resultFields, key);
      return field ? valueText(field, facts.result[key]) : '';
    }
    return '';
  });
}

function basisText(version: ItemVersionView): string {
  return version.serviceItem.basis.map((b) => `${b.name}${b.article}`).join('、');
}

/** The decision letter: what was decided, on what basis, and (when refused) how to challenge it. */
export async function decisionLetterPdf(facts: LetterFacts): Promise<Buffer> {
  const { row, version, kind } = facts;
  const title = letterTitle(version, kind);
  const pdf = new PdfBuilder({ title: `${title} ${row.case_number ?? ''}`, subject: row.item_name, author: row.handling_department_name });
  pdf.text(row.handling_department_name, { size: 16, bold: true, align: 'center', gapAfter: 0.2 });
  pdf.title(title);
  pdf.text(`编号:${row.case_number ?? ''}`, { align: 'center', size: 10, gapAfter: 1 });
  pdf.text(`${row.applicant_name}:`, { gapAfter: 0.4 });
  const submitted = dateText(row.submitted_at, 'zh-CN');
  switch (kind) {
    case 'approved': {
      const body = version.resultTemplate.trim() ? fillTemplate(version.resultTemplate, facts) : `你(单位)于${submitted}提出的“${row.item_name}”申请,经审查,符合法定条件、标准,根据${basisText(version)}的规定,决定予以办理。`;
      for (const paragraph of body.split(/\n+/)) pdf.text(paragraph, { indent: 22, gapAfter: 0.4 });
      const rows = version.resultFields.filter((f) => facts.result[f.key] !== undefined).map((f) => [f.label['zh-CN'], valueText(f, facts.result[f.key])] as const);
      if (rows.length > 0) pdf.gap(0.3).fields(rows, { labelWidth: 120 });
      break;
    }
    case 'denied':
      pdf.text(`你(单位)于${submitted}提出的“${row.item_name}”申请(办件编号 ${row.case_number ?? ''}),经审查,不符合法定条件、标准。根据${basisText(version)}的规定,决定不予办理。`, { indent: 22, gapAfter: 0.4 });
      pdf.text(`理由:${facts.reason ?? ''}`, { indent: 22, gapAfter: 0.4 });
      break;
    case 'refused':
      pdf.text(`你(单位)于${submitted}提出的“${row.item_name}”申请(办件编号 ${row.case_number ?? ''}),经审查,决定不予受理。`, { indent: 22, gapAfter: 0.4 });
      pdf.text(`理由:${facts.reason ?? ''}`, { indent: 22, gapAfter: 0.4 });
      break;
  }
  if (kind !== 'approved') {
    // 行政复议法 Art. 20 (60 days) and 行政诉讼法 Art. 46 (6 months): a refusal must say how it can be challenged.
    pdf.text('如不服本决定,可以自收到本决定书之日起六十日内依法申请行政复议,或者在六个月内依法向人民法院提起行政诉讼。', { indent: 22, gapAfter: 0.4 });
  }
  pdf.gap(2);
  const sealSize = 42 * millimetres;
  pdf.ensureSpace(sealSize);
  const signedAt = pdf.doc.y;
  pdf.text(row.handling_department_name, { align: 'right' });
  pdf.text(dateText(facts.decidedAt, 'zh-CN'), { align: 'right', gapAfter: 1 });
  // The seal sits over the issuing department's name and the date, as on paper (党政机关公文格式 GB/T 9704).
  if (facts.seal) stampSeal(pdf, facts.seal, { x: pdf.doc.page.width - pdf.doc.page.margins.right - sealSize * 0.85, y: signedAt - sealSize * 0.3, diameter: sealSize });
  const qrSize = 24 * millimetres;
  pdf.ensureSpace(qrSize + 20);
  const y = pdf.doc.y;
  pdf.qr(trackingUrl(facts.publicUrl, row.tracking_code), { x: pdf.doc.page.margins.left, y, size: qrSize });
  pdf.doc.y = y + qrSize + 4;
  pdf.muted(
    facts.seal
      ? `扫码核验办件状态。本文书加盖${facts.seal.name}电子印章,并附 SM2 数字签名;文件是否为原件、有无改动,可上传至 ${facts.publicUrl}/api/case-documents/verify 核验。`
      : '扫码核验办件状态。本文书由政务服务平台生成;办理部门尚未启用电子印章。',
  );
  return pdf.finish();
}

/** 办事指南 (GB/T 39554 elements) of one version, printable. */
export async function guidePdf(version: ItemVersionView): Promise<Buffer> {
  const item = version.serviceItem;
  const pdf = new PdfBuilder({ title: `${item.name} 办事指南`, subject: item.name, author: version.implementation.department.name });
  pdf.title(`${item.name}办事指南`);
  pdf.muted(`版本 ${version.version}${version.effectiveFrom ? `,${dateText(new Date(version.effectiveFrom), 'zh-CN')}起施行` : ''}`, { align: 'center', gapAfter: 0.8 });
  pdf.fields([
    ['基本编码', item.basicCode],
    ['实施编码', version.implementation.implementationCode],
    ['事项类型', serviceItemTypeNames[item.type]['zh-CN']],
    ['实施主体', version.implementation.department.name],
    ['行使层级', version.implementation.region.fullName],
    ['设定依据', item.basis.map((b) => `${b.name}${b.article}`).join(';')],
    ['办件类型', caseKindNames[version.caseKind]['zh-CN']],
    ['法定办结时限', limitText(version.legalLimit)],
    ['承诺办结时限', limitText(version.promisedLimit)],
    ['办理形式', version.channels.map((c) => serviceChannelNames[c]['zh-CN']).join('、')],
    ['到现场次数', `${version.visitsRequired} 次`],
    ['是否收费', version.fees.isCharged ? `收费 ¥${((version.fees.amountFen ?? 0) / 100).toFixed(2)}(${version.fees.basis ?? ''})` : '不收费'],
    ['告知承诺', version.allowsPledge ? '部分材料可承诺代替' : '不适用'],
    ['容缺受理', version.allowsGaps ? '部分材料可容缺后补' : '不适用'],
    ['办理地点', version.location],
    ['办理时间', version.hours],
    ['咨询电话', version.consultPhone],
    ['监督投诉', version.complaintPhone],
  ]);
  pdf.rule();
  pdf.text('受理条件', { bold: true, size: 12, gapAfter: 0.3 });
  pdf.text(version.acceptanceConditions, { gapAfter: 0.6 });
  pdf.text('申请材料', { bold: true, size: 12, gapAfter: 0.3 });
  version.materials.forEach((m, i) => {
    const parts = [
      materialSourceNames[m.source]['zh-CN'],
      m.originals > 0 ? `原件 ${m.originals} 份` : '',
      m.copies > 0 ? `复印件 ${m.copies} 份` : '',
      `电子件 ${m.formats.join('/')},不超过 ${m.maxSizeMb} MB`,
      m.isRequired ? '必须' : '非必须',
      version.allowsGaps && m.canBeGap ? '可容缺' : '',
      version.allowsPledge && m.canBePledged ? '可告知承诺' : '',
    ].filter(Boolean);
    pdf.text(`${i + 1}. ${m.name}(${parts.join(',')})${m.note ? ` ${m.note}` : ''}`);
  });
  pdf.gap(0.6).text('办理流程', { bold: true, size: 12, gapAfter: 0.3 });
  pdf.text(version.workflow.steps.map((s) => s.name).join(' → '), { gapAfter: 0.6 });
  if (version.workflow.allowsSpecialProcedure) pdf.text(`特别程序:${version.workflow.specialProcedureNote || '依法需要听证、检验检测、专家评审等的,所需时间不计入办理时限'}`, { gapAfter: 0.6 });
  return pdf.finish();
}

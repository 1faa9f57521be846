import { itemVersionElements, type ItemVersionElements, type Material } from '@zhengtong/contracts';
import type { CatalogueColumn } from './excel-columns';
import { parseCaseKind, parseChannels, parseCount, parseLimit, parseYesNo, parseYuan } from './sheet-cells';

export type CellIssue = { column: CatalogueColumn | 'materials'; code: string };

const issueColumn: Record<string, CatalogueColumn | 'materials'> = {
  acceptanceConditions: 'acceptanceConditions',
  legalLimit: 'legalLimit',
  promisedLimit: 'promisedLimit',
  caseKind: 'caseKind',
  channels: 'channels',
  visitsRequired: 'visitsRequired',
  location: 'location',
  hours: 'hours',
  consultPhone: 'consultPhone',
  complaintPhone: 'complaintPhone',
  allowsPledge: 'allowsPledge',
  allowsGaps: 'allowsGaps',
  materials: 'materials',
};

/** Material keys for new names: material1, material2 … avoiding the keys already used. */
function withKeys(materials: readonly Omit<Material, 'key'>[], previous: readonly Material[]): Material[] {
  const byName = new Map(previous.map((m) => [m.name, m]));
  const used = new Set(previous.map((m) => m.key));
  let n = 0;
  const fresh = () => {
    do n += 1;
    while (used.has(`material${n}`));
    used.add(`material${n}`);
    return `material${n}`;
  };
  // A material the sheet names again keeps what the sheet cannot say (issuer, size, blank form, sample, licence
  // type, condition); the sheet's columns replace the rest.
  return materials.map((m) => {
    const before = byName.get(m.name);
    if (!before) return { ...m, key: fresh() };
    const { source, originals, copies, formats, isRequired, canBeGap, canBePledged, note } = m;
    return { ...before, source, originals, copies, formats, isRequired, canBeGap, canBePledged, note };
  });
}

/**
 * The elements after a sheet row: each filled cell replaces the element, a blank one keeps it, the 法定办结时限 column
 * left blank means "none", and a materials list (from the 申请材料 sheet) replaces the materials.
 */
export function overlayElements(
  base: ItemVersionElements,
  cells: Partial<Record<CatalogueColumn, string>>,
  options: { clearsLegalLimit: boolean; materials: readonly Omit<Material, 'key'>[] | undefined },
): { elements: ItemVersionElements | undefined; issues: CellIssue[] } {
  const issues: CellIssue[] = [];
  const next: ItemVersionElements = { ...base, fees: { ...base.fees }, changeNote: 'Excel 导入' };
  const read = <T>(column: CatalogueColumn, parse: (text: string) => T | undefined, code: string, apply: (value: T) => void) => {
    const text = cells[column];
    if (text === undefined) return;
    const value = parse(text);
    if (value === undefined) issues.push({ column, code });
    else apply(value);
  };
  if (cells.acceptanceConditions !== undefined) next.acceptanceConditions = cells.acceptanceConditions;
  if (options.clearsLegalLimit) next.legalLimit = null;
  read('legalLimit', parseLimit, 'catalogue.limitFormat', (v) => (next.legalLimit = v));
  read('promisedLimit', parseLimit, 'catalogue.limitFormat', (v) => (next.promisedLimit = v));
  read('caseKind', parseCaseKind, 'catalogue.caseKindUnknown', (v) => (next.caseKind = v));
  read('channels', parseChannels, 'catalogue.channelUnknown', (v) => (next.channels = v));
  read('visitsRequired', (t) => parseCount(t, 10), 'catalogue.numberFormat', (v) => (next.visitsRequired = v));
  read('isCharged', parseYesNo, 'catalogue.yesNo', (v) => (next.fees.isCharged = v));
  if (cells.feeBasis !== undefined) next.fees.basis = cells.feeBasis;
  read('feeAmount', parseYuan, 'catalogue.amountFormat', (v) => (next.fees.amountFen = v));
  if (!next.fees.isCharged) next.fees = { isCharged: false, basis: null, amountFen: null, note: next.fees.note };
  for (const column of ['location', 'hours', 'consultPhone', 'complaintPhone'] as const) {
    const text = cells[column];
    if (text !== undefined) next[column] = text;
  }
  read('allowsPledge', parseYesNo, 'catalogue.yesNo', (v) => (next.allowsPledge = v));
  read('allowsGaps', parseYesNo, 'catalogue.yesNo', (v) => (next.allowsGaps = v));
  if (options.materials) next.materials = withKeys(options.materials, base.materials);
  if (issues.length > 0) return { elements: undefined, issues };

  const checked = itemVersionElements.safeParse(next);
  if (checked.success) return { elements: checked.data, issues };
  for (const issue of checked.error.issues) {
    const head = String(issue.path[0] ?? '');
    const column = head === 'fees' ? (String(issue.path[1]) === 'amountFen' ? 'feeAmount' : String(issue.path[1]) === 'basis' ? 'feeBasis' : 'isCharged') : (issueColumn[head] ?? 'materials');
    issues.push({ column, code: issue.message });
  }
  return { elements: undefined, issues };
}

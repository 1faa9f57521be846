import { catalogueSheetColumns, materialSheetColumns } from '@zhengtong/contracts';
import type { SheetColumn } from '../../kernel/spreadsheet';

export type CatalogueColumn = keyof typeof catalogueSheetColumns;
export type MaterialColumn = keyof typeof materialSheetColumns;

const c = catalogueSheetColumns;
export const catalogueColumns: SheetColumn<CatalogueColumn>[] = [
  { key: 'basicCode', header: c.basicCode, width: 16, isText: true, isRequired: true },
  { key: 'name', header: c.name, width: 30, isRequired: true },
  { key: 'type', header: c.type, width: 12, isRequired: true },
  { key: 'powerSource', header: c.powerSource, width: 14 },
  { key: 'audience', header: c.audience, width: 14, isRequired: true },
  { key: 'basis', header: c.basis, width: 50, isRequired: true },
  { key: 'lifeEvents', header: c.lifeEvents, width: 16 },
  { key: 'keywords', header: c.keywords, width: 24 },
  { key: 'aliases', header: c.aliases, width: 20 },
  { key: 'departmentCategory', header: c.departmentCategory, width: 12, isRequired: true },
  { key: 'departmentCreditCode', header: c.departmentCreditCode, width: 22, isText: true },
  { key: 'departmentName', header: c.departmentName, width: 26 },
  { key: 'regionCode', header: c.regionCode, width: 16, isText: true },
  { key: 'implementationCode', header: c.implementationCode, width: 36, isText: true },
  { key: 'versionLabel', header: c.versionLabel, width: 12 },
  { key: 'acceptanceConditions', header: c.acceptanceConditions, width: 40 },
  { key: 'legalLimit', header: c.legalLimit, width: 14 },
  { key: 'promisedLimit', header: c.promisedLimit, width: 14 },
  { key: 'caseKind', header: c.caseKind, width: 10 },
  { key: 'channels', header: c.channels, width: 24 },
  { key: 'visitsRequired', header: c.visitsRequired, width: 10 },
  { key: 'isCharged', header: c.isCharged, width: 8 },
  { key: 'feeBasis', header: c.feeBasis, width: 30 },
  { key: 'feeAmount', header: c.feeAmount, width: 12 },
  { key: 'location', header: c.location, width: 30 },
  { key: 'hours', header: c.hours, width: 30 },
  { key: 'consultPhone', header: c.consultPhone, width: 16, isText: true },
  { key: 'complaintPhone', header: c.complaintPhone, width: 16, isText: true },
  { key: 'allowsPledge', header: c.allowsPledge, width: 8 },
  { key: 'allowsGaps', header: c.allowsGaps, width: 8 },
];

const m = materialSheetColumns;
export const materialColumns: SheetColumn<MaterialColumn>[] = [
  { key: 'basicCode', header: m.basicCode, width: 16, isText: true, isRequired: true },
  { key: 'departmentCreditCode', header: m.departmentCreditCode, width: 22, isText: true, isRequired: true },
  { key: 'name', header: m.name, width: 36, isRequired: true },
  { key: 'source', header: m.source, width: 14 },
  { key: 'originals', header: m.originals, width: 8 },
  { key: 'copies', header: m.copies, width: 8 },
  { key: 'formats', header: m.formats, width: 16 },
  { key: 'isRequired', header: m.isRequired, width: 8 },
  { key: 'canBeGap', header: m.canBeGap, width: 8 },
  { key: 'canBePledged', header: m.canBePledged, width: 10 },
  { key: 'note', header: m.note, width: 40 },
];

/** The version elements the item sheet carries; a row that leaves all of them blank changes no version. */
export const elementColumnKeys: CatalogueColumn[] = [
  'acceptanceConditions',
  'legalLimit',
  'promisedLimit',
  'caseKind',
  'channels',
  'visitsRequired',
  'isCharged',
  'feeBasis',
  'feeAmount',
  'location',
  'hours',
  'consultPhone',
  'complaintPhone',
  'allowsPledge',
  'allowsGaps',
];

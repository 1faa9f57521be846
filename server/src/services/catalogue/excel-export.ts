import { caseKindNames, catalogueSheetNames, itemVersionStatusNames, materialSourceNames, powerSourceNames, serviceAudienceNames, serviceChannelNames, serviceItemTypeNames } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Row } from '../../kernel/db';
import type { Actor } from '../../kernel/authz';
import { writeWorkbook, type SheetCell } from '../../kernel/spreadsheet';
import { catalogueScopePrefix } from './access';
import { catalogueColumns, materialColumns, type CatalogueColumn, type MaterialColumn } from './excel-columns';
import { implementationsOf } from './implementations-repo';
import { knownLifeEvents, lifeEventsOf, listItemRows } from './items-repo';
import { loadRefs } from './refs';
import { basisText, limitText, yesNoText, yuanText } from './sheet-cells';
import { elementsOf } from './version-rows';
import { versionsOfImplementation, type VersionRow } from './versions-repo';
import { isInForce } from './views';

const MAX_EXPORT_ITEMS = 20_000;

/** The version a sheet shows: the one being prepared, else the one in force, else the newest. */
function shownVersion(versions: readonly VersionRow[], at: Date): VersionRow | undefined {
  return versions.find((v) => v.status === 'draft' || v.status === 'review') ?? versions.find((v) => isInForce(v, at)) ?? versions[0];
}

/**
 * The catalogue of the reader's region as a workbook: sheet 事项 with one row per implementation (an item nobody
 * implements yet has one row without implementer), sheet 申请材料 with the materials of each shown version.
 */
export async function exportCatalogue(kernel: Kernel, { actor }: { actor: Actor }): Promise<Buffer> {
  const prefix = catalogueScopePrefix(actor);
  const db = kernel.db;
  const at = new Date();
  const { rows: items } = await listItemRows(db, { regionPrefix: prefix.slice(0, 2) }, { limit: MAX_EXPORT_ITEMS, offset: 0 });
  const implementations = (await implementationsOf(db, items.map((i) => i.id))).filter((i) => i.region_code.startsWith(prefix));
  const events = await lifeEventsOf(db, items.map((i) => i.id));
  const eventNames = new Map((await knownLifeEvents(db)).map((e) => [e.code, e.name_zh]));
  const refs = await loadRefs(db, { departmentIds: implementations.map((i) => i.department_id), regionCodes: [] });

  const itemRows: Record<CatalogueColumn, SheetCell>[] = [];
  const materialRows: Record<MaterialColumn, SheetCell>[] = [];
  for (const item of items) {
    const own = implementations.filter((i) => i.service_item_id === item.id);
    // Items of a wider catalogue that nobody in the reader's region implements stay out of the reader's sheet.
    if (own.length === 0 && !item.region_code.startsWith(prefix)) continue;
    const base = itemColumns(item, (events.get(item.id) ?? []).map((code) => eventNames.get(code) ?? code));
    if (own.length === 0) itemRows.push({ ...base, ...emptyImplementation });
    for (const implementation of own) {
      const department = refs.department(implementation.department_id);
      const version = shownVersion(await versionsOfImplementation(db, implementation.id), at);
      const row = { ...base, ...emptyImplementation, departmentCreditCode: department.creditCode, departmentName: department.name, regionCode: implementation.region_code, implementationCode: implementation.implementation_code };
      if (!version) {
        itemRows.push(row);
        continue;
      }
      const e = elementsOf(version);
      itemRows.push({
        ...row,
        versionLabel: `第${version.version}版(${itemVersionStatusNames[version.status]['zh-CN']})`,
        acceptanceConditions: e.acceptanceConditions,
        legalLimit: limitText(e.legalLimit),
        promisedLimit: limitText(e.promisedLimit),
        caseKind: caseKindNames[e.caseKind]['zh-CN'],
        channels: e.channels.map((c) => serviceChannelNames[c]['zh-CN']).join('、'),
        visitsRequired: e.visitsRequired,
        isCharged: yesNoText(e.fees.isCharged),
        feeBasis: e.fees.basis ?? '',
        feeAmount: yuanText(e.fees.amountFen),
        location: e.location,
        hours: e.hours,
        consultPhone: e.consultPhone,
        complaintPhone: e.complaintPhone,
        allowsPledge: yesNoText(e.allowsPledge),
        allowsGaps: yesNoText(e.allowsGaps),
      });
      for (const m of e.materials) {
        materialRows.push({
          basicCode: item.basic_code,
          departmentCreditCode: department.creditCode,
          name: m.name,
          source: materialSourceNames[m.source]['zh-CN'],
          originals: m.originals,
          copies: m.copies,
          formats: m.formats.join('、'),
          isRequired: yesNoText(m.isRequired),
          canBeGap: yesNoText(m.canBeGap),
          canBePledged: yesNoText(m.canBePledged),
          note: m.note,
        });
      }
    }
  }
  return writeWorkbook([
    { name: catalogueSheetNames.items, columns: catalogueColumns, rows: itemRows },
    { name: catalogueSheetNames.materials, columns: materialColumns, rows: materialRows },
  ]);
}

const emptyImplementation: Record<Exclude<CatalogueColumn, keyof ReturnType<typeof itemColumns>>, SheetCell> = {
  departmentCreditCode: '',
  departmentName: '',
  regionCode: '',
  implementationCode: '',
  versionLabel: '',
  acceptanceConditions: '',
  legalLimit: '',
  promisedLimit: '',
  caseKind: '',
  channels: '',
  visitsRequired: '',
  isCharged: '',
  feeBasis: '',
  feeAmount: '',
  location: '',
  hours: '',
  consultPhone: '',
  complaintPhone: '',
  allowsPledge: '',
  allowsGaps: '',
};

function itemColumns(item: Row<'service_items'>, lifeEventNames: string[]) {
  return {
    basicCode: item.basic_code,
    name: item.name,
    type: serviceItemTypeNames[item.type]['zh-CN'],
    powerSource: powerSourceNames[item.power_source]['zh-CN'],
    audience: serviceAudienceNames[item.audience]['zh-CN'],
    basis: basisText(item.basis),
    lifeEvents: lifeEventNames.join('、'),
    keywords: item.keywords.join('、'),
    aliases: item.aliases.join('、'),
    departmentCategory: item.department_category,
  };
}

import {
  caseKindNames,
  itemVersionStatusNames,
  limitUnitNames,
  materialSourceNames,
  powerSourceNames,
  serviceAudienceNames,
  serviceChannelNames,
  serviceItemTypeNames,
  workflowStepNames,
  type Locale,
  type TimeLimit,
} from '@zhengtong/contracts';

// The catalogue's enumerations carry their own bilingual names in contracts; these read them in the UI's language.

type Named = Readonly<Record<string, Readonly<Record<Locale, string>>>>;

function nameIn(table: Named, key: string, locale: Locale): string {
  return table[key]?.[locale] ?? key;
}

export const catalogueLabel = {
  itemType: (key: string, locale: Locale) => nameIn(serviceItemTypeNames, key, locale),
  powerSource: (key: string, locale: Locale) => nameIn(powerSourceNames, key, locale),
  audience: (key: string, locale: Locale) => nameIn(serviceAudienceNames, key, locale),
  channel: (key: string, locale: Locale) => nameIn(serviceChannelNames, key, locale),
  caseKind: (key: string, locale: Locale) => nameIn(caseKindNames, key, locale),
  materialSource: (key: string, locale: Locale) => nameIn(materialSourceNames, key, locale),
  step: (key: string, locale: Locale) => nameIn(workflowStepNames, key, locale),
  versionStatus: (key: string, locale: Locale) => nameIn(itemVersionStatusNames, key, locale),
};

/** 20个工作日 / 20 working days. */
export function limitText(limit: TimeLimit, locale: Locale): string {
  const unit = nameIn(limitUnitNames, limit.unit, locale);
  return locale === 'zh-CN' ? `${limit.days}${unit}` : `${limit.days} ${unit}`;
}

/** Money is kept in fen; people read yuan: 2000 → ¥20.00. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

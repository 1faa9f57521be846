import {
  caseKindNames,
  caseKinds,
  limitUnitNames,
  materialFormats,
  materialSourceNames,
  materialSources,
  powerSourceNames,
  powerSources,
  serviceAudienceNames,
  serviceAudiences,
  serviceChannelNames,
  serviceChannels,
  serviceItemTypeNames,
  serviceItemTypes,
  type CaseKind,
  type LegalBasis,
  type MaterialFormat,
  type MaterialSource,
  type PowerSource,
  type ServiceAudience,
  type ServiceChannel,
  type ServiceItemType,
  type TimeLimit,
} from '@zhengtong/contracts';

// Cells of the catalogue workbook as a person types them (Chinese labels, 是/否, "20个工作日") to values and back.
// Each parser returns undefined for a cell it cannot read; the caller reports the column.

type Named<K extends string> = Readonly<Record<K, Readonly<Record<'zh-CN' | 'en-US', string>>>>;

function wordsOf<K extends string>(keys: readonly K[], names: Named<K>, extra: [string, K][] = []): Map<string, K> {
  const map = new Map<string, K>(extra);
  for (const key of keys) {
    map.set(key.toLowerCase(), key);
    map.set(names[key]['zh-CN'], key);
    map.set(names[key]['en-US'].toLowerCase(), key);
  }
  return map;
}

const typeWords = wordsOf(serviceItemTypes, serviceItemTypeNames);
const powerWords = wordsOf(powerSources, powerSourceNames, [['法定', 'statutory'], ['下放', 'delegated'], ['委托', 'entrusted'], ['授权', 'authorized']]);
const audienceWords = wordsOf(serviceAudiences, serviceAudienceNames, [['个人', 'person'], ['企业', 'enterprise'], ['自然人,法人', 'both'], ['个人、企业', 'both'], ['自然人和法人', 'both']]);
const caseKindWords = wordsOf(caseKinds, caseKindNames);
const channelWords = wordsOf(serviceChannels, serviceChannelNames, [['窗口', 'window'], ['网上', 'online'], ['网办', 'online'], ['快递', 'post'], ['邮寄', 'post']]);
const sourceWords = wordsOf(materialSources, materialSourceNames, [['申请人', 'applicant'], ['政府部门', 'government'], ['部门核发', 'government']]);

const plain = (text: string) => text.normalize('NFKC').trim();

export const parseType = (text: string): ServiceItemType | undefined => typeWords.get(plain(text).toLowerCase());
export const parsePowerSource = (text: string): PowerSource | undefined => powerWords.get(plain(text).toLowerCase());
export const parseAudience = (text: string): ServiceAudience | undefined => audienceWords.get(plain(text).toLowerCase());
export const parseCaseKind = (text: string): CaseKind | undefined => caseKindWords.get(plain(text).toLowerCase());
export const parseSource = (text: string): MaterialSource | undefined => sourceWords.get(plain(text).toLowerCase());

/** A list typed with any of 、 , ; (half- or full-width) or line breaks between entries. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[、,;，；\n]/).map((w) => w.trim()).filter((w) => w !== ''))];
}

export function parseChannels(text: string): ServiceChannel[] | undefined {
  const found = splitList(text).map((w) => channelWords.get(plain(w).toLowerCase()));
  return found.length > 0 && found.every((c): c is ServiceChannel => c !== undefined) ? [...new Set(found)] : undefined;
}

export function parseFormats(text: string): MaterialFormat[] | undefined {
  const words = splitList(text.toLowerCase()).map((w) => (w === 'jpeg' ? 'jpg' : w));
  const all: readonly string[] = materialFormats;
  return words.length > 0 && words.every((w): w is MaterialFormat => all.includes(w)) ? [...new Set(words)] : undefined;
}

export function parseYesNo(text: string): boolean | undefined {
  const t = plain(text).toLowerCase();
  if (['是', '有', 'y', 'yes', 'true', '1', '√'].includes(t)) return true;
  if (['否', '无', 'n', 'no', 'false', '0', '×'].includes(t)) return false;
  return undefined;
}

export const yesNoText = (value: boolean) => (value ? '是' : '否');

/** "20个工作日", "30个自然日", "即办" (0 working days); undefined when unreadable. */
export function parseLimit(text: string): TimeLimit | undefined {
  const t = plain(text);
  if (['即办', '即时办结', '当场办结', '即来即办'].includes(t.replace(/\s+/g, ''))) return { days: 0, unit: 'workingDay', note: '' };
  // The note keeps its own spacing ("邮寄的 5 个工作日内送达"), so a round trip changes nothing.
  const match = /^(\d{1,4})\s*个?\s*(工作日|自然日)\s*(?:[(（](.*)[)）])?$/s.exec(t);
  if (!match) return undefined;
  return { days: Number(match[1]), unit: match[2] === '工作日' ? 'workingDay' : 'naturalDay', note: match[3] ?? '' };
}

export function limitText(limit: TimeLimit | null): string {
  if (!limit) return '';
  return `${limit.days}${limitUnitNames[limit.unit]['zh-CN']}${limit.note ? `(${limit.note})` : ''}`;
}

/** Yuan with at most two decimals → fen. */
export function parseYuan(text: string): number | undefined {
  const t = plain(text).replace(/元$/, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return undefined;
  return Math.round(Number(t) * 100);
}

export const yuanText = (fen: number | null) => (fen === null ? '' : (fen / 100).toFixed(2));

export function parseCount(text: string, max = 20): number | undefined {
  const n = Number(plain(text));
  return Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
}

/**
 * One basis per line (or after ；before the next 《): the title with its document number, the article, and the quoted
 * text if any — "《社会保障卡管理办法》(人社部发〔2011〕47号)第十二条:“……”".
 */
export function parseBasis(text: string): LegalBasis[] | undefined {
  const lines = text.split(/\n|[；;](?=\s*《)/).map((l) => l.trim()).filter((l) => l !== '');
  const basis = lines.map((line) => {
    const match = /^(《[^》]+》(?:\s*[(（][^)）]*[)）])?)\s*([^“"]*?)\s*(?:[:：]\s*[“"](.*)[”"])?$/s.exec(line);
    return match ? { name: (match[1] ?? line).replace(/》\s+/, '》'), article: match[2] ?? '', excerpt: match[3] ?? '' } : undefined;
  });
  return basis.length > 0 && basis.every((b): b is LegalBasis => b !== undefined) ? basis : undefined;
}

export const basisText = (basis: readonly LegalBasis[]) => basis.map((b) => `${b.name}${b.article}${b.excerpt ? `:“${b.excerpt}”` : ''}`).join('\n');

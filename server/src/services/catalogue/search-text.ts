// Chinese search without a tokenizer or pg_trgm (neither is available on PGlite by default): text is normalised the
// same way on write and on query, and matched by whole words (name, aliases, keywords) and by character bigrams,
// the usual unit of Chinese n-gram search.

/** NFKC (全角 → 半角), lower case, no spaces, punctuation or symbols: "  出生 登记！" → "出生登记". */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

// Everyday filler around what people actually look for: "怎么办理低保" is "低保". Longest first, so "怎么办理"
// goes before "怎么" would leave "办理".
const FILLER = [
  '需要什么材料', '需要哪些材料', '要什么材料', '要哪些材料', '怎么办理', '如何办理', '怎样办理', '在哪里办', '去哪里办',
  '在哪办', '去哪办', '哪里办', '怎么办', '怎么弄', '怎么申请', '如何申请', '我想办', '我要办', '我想', '我要', '想要',
  '请问', '如何', '怎么', '怎样', '办理', '手续', '流程',
].sort((a, b) => b.length - a.length);

export type SearchTerms = {
  /** The query normalised, filler kept (an item may be named with it: 残疾人证办理). */
  whole: string;
  /** The query without filler (the whole query when only filler was typed). */
  core: string;
  /** Bigrams of each space-separated word of the core (single characters for a one-character word). */
  grams: string[];
  /** How many grams must occur for a partial match: half, at least one. */
  minGrams: number;
};

export function searchTerms(query: string): SearchTerms | undefined {
  const whole = normalizeSearchText(query);
  if (whole === '') return undefined;
  let words = query
    .normalize('NFKC')
    .split(/\s+/)
    .map((w) => stripFiller(normalizeSearchText(w)))
    .filter((w) => w !== '');
  if (words.length === 0) words = [whole];
  const core = words.join('');
  const grams = [...new Set(words.flatMap(bigrams))];
  return { whole, core, grams, minGrams: Math.max(1, Math.ceil(grams.length / 2)) };
}

function stripFiller(word: string): string {
  let rest = word;
  for (const filler of FILLER) rest = rest.split(filler).join('');
  return rest;
}

/** Overlapping pairs of characters (code points, so 𠮷 counts as one); a single character stands for itself. */
export function bigrams(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length <= 1) return chars;
  return chars.slice(1).map((c, i) => `${chars[i] ?? ''}${c}`);
}

/** The search columns of an item, written with every change to its name, aliases or keywords. */
export function searchColumns(item: { name: string; aliases: readonly string[]; keywords: readonly string[] }) {
  const name = normalizeSearchText(item.name);
  const aliases = item.aliases.map(normalizeSearchText);
  const keywords = item.keywords.map(normalizeSearchText);
  // '|' never survives normalisation of a query, so no bigram spans two words.
  return { search_name: name, search_aliases: aliases, search_keywords: keywords, search_text: [name, ...aliases, ...keywords].join('|') };
}

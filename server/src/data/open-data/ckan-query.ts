// The part of Solr's query syntax that CKAN clients and harvesters send to package_search (q and fq): field:value
// terms, quoted phrases, ranges ([a TO b], {a TO b}, * and NOW±n UNIT), field:(a OR b) groups, AND / OR / NOT,
// +required and -excluded terms, parentheses, backslash escapes, and *:*. Terms are ANDed by default, as CKAN's
// Solr schema sets. Anything else is a CkanQueryError, which the API answers as CKAN does (400 Search Query Error).

export class CkanQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CkanQueryError';
  }
}

export type RangeBound = { value: string; isInclusive: boolean } | null;
export type Term =
  | { kind: 'all' }
  | { kind: 'word'; field: string | null; value: string; isPhrase: boolean }
  | { kind: 'exists'; field: string }
  | { kind: 'range'; field: string; from: RangeBound; to: RangeBound };
export type QueryNode = { kind: 'term'; term: Term } | { kind: 'and'; nodes: QueryNode[] } | { kind: 'or'; nodes: QueryNode[] } | { kind: 'not'; node: QueryNode };

type Token =
  | { kind: 'open'; field: string | null }
  | { kind: 'close' }
  | { kind: 'and' }
  | { kind: 'or' }
  | { kind: 'not' }
  | { kind: 'term'; sign: '+' | '-' | null; term: Term };

const FIELD = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function parseRange(field: string, text: string): Term {
  const open = text[0];
  const close = text[text.length - 1];
  const inner = text.slice(1, -1).trim();
  const parts = inner.split(/\s+TO\s+/);
  if (parts.length !== 2 || (open !== '[' && open !== '{') || (close !== ']' && close !== '}')) throw new CkanQueryError(`Invalid range: ${text}`);
  const bound = (value: string, isInclusive: boolean): RangeBound => (value === '*' ? null : { value: value.replace(/\\(.)/g, '$1'), isInclusive });
  return { kind: 'range', field, from: bound(parts[0] ?? '*', open === '['), to: bound(parts[1] ?? '*', close === ']') };
}

/** Splits a query into tokens, keeping quoted phrases and ranges whole. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(') {
      tokens.push({ kind: 'open', field: null });
      i++;
      continue;
    }
    if (c === ')') {
      tokens.push({ kind: 'close' });
      i++;
      continue;
    }
    if (query.startsWith('&&', i)) {
      tokens.push({ kind: 'and' });
      i += 2;
      continue;
    }
    if (query.startsWith('||', i)) {
      tokens.push({ kind: 'or' });
      i += 2;
      continue;
    }
    let sign: '+' | '-' | null = null;
    if (c === '+' || c === '-' || c === '!') {
      if (c === '!') {
        tokens.push({ kind: 'not' });
        i++;
        continue;
      }
      sign = c;
      i++;
    }
    // A field name, then ':' (unescaped), then a value: a phrase, a range, a group or a plain word.
    let field: string | null = null;
    const fieldMatch = /^([A-Za-z_*][A-Za-z0-9_.*]*):/.exec(query.slice(i));
    if (fieldMatch?.[1]) {
      field = fieldMatch[1];
      i += fieldMatch[0].length;
    }
    const v = query.charAt(i);
    if (field === null && sign !== null && v === '(') {
      if (sign === '-') tokens.push({ kind: 'not' });
      continue;
    }
    if (field !== null && v === '(') {
      if (sign === '-') tokens.push({ kind: 'not' });
      tokens.push({ kind: 'open', field });
      i++;
      continue;
    }
    let term: Term;
    if (v === '"') {
      let j = i + 1;
      let value = '';
      while (j < n && query.charAt(j) !== '"') {
        if (query.charAt(j) === '\\' && j + 1 < n) j++;
        value += query.charAt(j);
        j++;
      }
      if (j >= n) throw new CkanQueryError('Unterminated phrase');
      i = j + 1;
      term = { kind: 'word', field, value, isPhrase: true };
    } else if (field !== null && (v === '[' || v === '{')) {
      const end = query.slice(i).search(/[\]}]/);
      if (end < 0) throw new CkanQueryError('Unterminated range');
      term = parseRange(field, query.slice(i, i + end + 1));
      i += end + 1;
    } else {
      let value = '';
      while (i < n && !/[\s()]/.test(query.charAt(i))) {
        if (query.charAt(i) === '\\' && i + 1 < n) i++;
        value += query.charAt(i);
        i++;
      }
      if (field === null && sign === null) {
        if (value === 'AND') {
          tokens.push({ kind: 'and' });
          continue;
        }
        if (value === 'OR') {
          tokens.push({ kind: 'or' });
          continue;
        }
        if (value === 'NOT') {
          tokens.push({ kind: 'not' });
          continue;
        }
      }
      if (value === '') throw new CkanQueryError(field ? `Missing value for ${field}` : 'Empty term');
      if (field === '*' && value === '*') term = { kind: 'all' };
      else if (field !== null && value === '*') term = { kind: 'exists', field };
      else term = { kind: 'word', field, value, isPhrase: false };
    }
    if (field !== null && field !== '*' && !FIELD.test(field)) throw new CkanQueryError(`Invalid field name: ${field}`);
    tokens.push({ kind: 'term', sign, term });
  }
  return tokens;
}

/** Parses q or fq into a tree; an empty query matches everything. */
export function parseQuery(query: string): QueryNode {
  const tokens = tokenize(query);
  let at = 0;
  const peek = () => tokens[at];

  function withField(term: Term, field: string | null): Term {
    return term.kind === 'word' && term.field === null && field !== null ? { ...term, field } : term;
  }

  function unary(field: string | null): QueryNode {
    const t = tokens[at];
    if (!t) throw new CkanQueryError('Query ends too early');
    at++;
    switch (t.kind) {
      case 'not':
        return { kind: 'not', node: unary(field) };
      case 'open': {
        const inner = or(t.field ?? field);
        if (peek()?.kind !== 'close') throw new CkanQueryError('Missing )');
        at++;
        return inner;
      }
      case 'term': {
        const node: QueryNode = { kind: 'term', term: withField(t.term, field) };
        return t.sign === '-' ? { kind: 'not', node } : node;
      }
      case 'close':
      case 'and':
      case 'or':
        throw new CkanQueryError(`Unexpected ${t.kind === 'close' ? ')' : t.kind.toUpperCase()}`);
    }
  }

  function and(field: string | null): QueryNode {
    const nodes: QueryNode[] = [];
    for (;;) {
      const t = peek();
      if (!t || t.kind === 'close' || t.kind === 'or') break;
      if (t.kind === 'and') {
        at++;
        continue;
      }
      nodes.push(unary(field));
    }
    if (nodes.length === 0) throw new CkanQueryError('Empty expression');
    return nodes.length === 1 && nodes[0] ? nodes[0] : { kind: 'and', nodes };
  }

  function or(field: string | null): QueryNode {
    const nodes = [and(field)];
    while (peek()?.kind === 'or') {
      at++;
      nodes.push(and(field));
    }
    return nodes.length === 1 && nodes[0] ? nodes[0] : { kind: 'or', nodes };
  }

  if (tokens.length === 0) return { kind: 'term', term: { kind: 'all' } };
  const tree = or(null);
  if (at < tokens.length) throw new CkanQueryError('Unbalanced )');
  return tree;
}

// ---------------------------------------------------------------- evaluation

/** How a dataset looks to the query: text fields, exact-value fields (several values each) and dates. */
export type SearchDoc = {
  text: Record<string, string>;
  exact: Record<string, readonly string[]>;
  dates: Record<string, Date>;
};

const UNITS: Record<string, number> = { SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 };

/** A date bound as Solr writes them: an ISO time (Z optional), NOW, NOW-1DAY, NOW+2HOURS, NOW/DAY … */
export function parseDateBound(value: string, now: Date): Date {
  const nowMatch = /^NOW((?:[+-]\d+(?:YEARS?|MONTHS?|DAYS?|HOURS?|MINUTES?|SECONDS?))*)(?:\/(DAY|HOUR|MINUTE))?$/.exec(value);
  if (nowMatch) {
    const at = new Date(now.getTime());
    for (const step of (nowMatch[1] ?? '').matchAll(/([+-]\d+)(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)S?/g)) {
      const amount = Number(step[1]);
      const unit = step[2] ?? 'DAY';
      if (unit === 'YEAR') at.setUTCFullYear(at.getUTCFullYear() + amount);
      else if (unit === 'MONTH') at.setUTCMonth(at.getUTCMonth() + amount);
      else at.setTime(at.getTime() + amount * (UNITS[unit] ?? 0));
    }
    const round = nowMatch[2];
    if (round) at.setTime(Math.floor(at.getTime() / (UNITS[round] ?? 1)) * (UNITS[round] ?? 1));
    return at;
  }
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.test(value)) throw new CkanQueryError(`Invalid date: ${value}`);
  const iso = /T/.test(value) ? (/Z|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`) : `${value}T00:00:00Z`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new CkanQueryError(`Invalid date: ${value}`);
  return date;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function inRange(value: string | number, from: RangeBound, to: RangeBound, toComparable: (v: string) => string | number): boolean {
  if (from) {
    const f = toComparable(from.value);
    if (from.isInclusive ? value < f : value <= f) return false;
  }
  if (to) {
    const t = toComparable(to.value);
    if (to.isInclusive ? value > t : value >= t) return false;
  }
  return true;
}

function matchesTerm(doc: SearchDoc, term: Term, now: Date, defaultFields: readonly string[]): boolean {
  switch (term.kind) {
    case 'all':
      return true;
    case 'exists': {
      const f = term.field;
      if (f in doc.dates) return true;
      if (f in doc.text) return (doc.text[f] ?? '') !== '';
      if (f in doc.exact) return (doc.exact[f] ?? []).length > 0;
      throw new CkanQueryError(`undefined field ${f}`);
    }
    case 'range': {
      const f = term.field;
      const date = doc.dates[f];
      if (date) return inRange(date.getTime(), term.from, term.to, (v) => parseDateBound(v, now).getTime());
      const values = doc.exact[f];
      if (values) return values.some((v) => inRange(fold(v), term.from, term.to, fold));
      throw new CkanQueryError(`undefined field ${f}`);
    }
    case 'word': {
      const value = fold(term.value);
      const wildcard = value.endsWith('*') && value.length > 1;
      const stem = wildcard ? value.slice(0, -1) : value;
      const fields = term.field === null ? defaultFields : [term.field];
      return fields.some((f) => {
        if (f in doc.text) return fold(doc.text[f] ?? '').includes(stem);
        const values = doc.exact[f];
        if (values) return values.some((v) => (wildcard ? fold(v).startsWith(stem) : fold(v) === value));
        if (f in doc.dates) throw new CkanQueryError(`Use a range for ${f}`);
        throw new CkanQueryError(`undefined field ${f}`);
      });
    }
  }
}

/** Whether a dataset passes a parsed query; bare words search `defaultFields` (CKAN: the text field). */
export function matches(doc: SearchDoc, node: QueryNode, now: Date, defaultFields: readonly string[] = ['text']): boolean {
  switch (node.kind) {
    case 'term':
      return matchesTerm(doc, node.term, now, defaultFields);
    case 'and':
      return node.nodes.every((n) => matches(doc, n, now, defaultFields));
    case 'or':
      return node.nodes.some((n) => matches(doc, n, now, defaultFields));
    case 'not':
      return !matches(doc, node.node, now, defaultFields);
  }
}

/** Relevance for `score`: how many of the query's bare words the text contains (ties keep the other sort keys). */
export function score(doc: SearchDoc, node: QueryNode): number {
  switch (node.kind) {
    case 'term':
      return node.term.kind === 'word' && node.term.field === null && fold(doc.text.text ?? '').includes(fold(node.term.value)) ? 1 : 0;
    case 'and':
    case 'or':
      return node.nodes.reduce((s, n) => s + score(doc, n), 0);
    case 'not':
      return 0;
  }
}

export type SortKey = { field: string; isDescending: boolean };

/** "score desc, metadata_modified desc" → keys; unknown fields are the caller's to refuse. */
export function parseSort(sort: string): SortKey[] {
  return sort
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [field = '', dir = 'asc', ...rest] = part.split(/\s+/);
      const direction = dir.toLowerCase();
      if (rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) throw new CkanQueryError(`Invalid sort: ${part}`);
      return { field, isDescending: direction === 'desc' };
    });
}

import type { AggregateFilter, AggregateFunction, AggregateMeasure, AggregateQueryInput } from '@zhengtong/contracts';

// The query form's values and the request they make: one filter row with one value asks `eq`, with several `in`.

export type MeasureRow = { fn?: AggregateFunction; field?: string };
export type FilterRow = { field?: string; values?: string[] };
export type QueryValues = { resource?: string; groupBy?: string[]; measures?: MeasureRow[]; filters?: FilterRow[]; purpose?: string };

export function measureOf(row: MeasureRow): AggregateMeasure | null {
  if (row.fn === 'count') return { fn: 'count' };
  if ((row.fn === 'sum' || row.fn === 'avg') && row.field) return { fn: row.fn, field: row.field };
  return null;
}

export function filterOf(row: FilterRow): AggregateFilter | null {
  const values = [...new Set((row.values ?? []).map((v) => v.trim()).filter((v) => v !== ''))];
  if (!row.field || values.length === 0) return null;
  const [only] = values;
  return values.length === 1 && only !== undefined ? { field: row.field, op: 'eq', value: only } : { field: row.field, op: 'in', values };
}

/**
 * The body to post. Incomplete rows are sent as they are (a sum without a field, a filter without values), so the
 * server names the row that is wrong rather than the browser silently dropping it.
 */
export function queryBody(values: QueryValues): AggregateQueryInput {
  return {
    resource: values.resource ?? '',
    groupBy: values.groupBy ?? [],
    measures: (values.measures ?? []).map((row) => measureOf(row) ?? ({ fn: row.fn ?? 'count', field: row.field } as AggregateMeasure)),
    filters: (values.filters ?? []).map((row) => filterOf(row) ?? ({ field: row.field ?? '', op: 'in', values: row.values ?? [] } as AggregateFilter)),
    purpose: values.purpose ?? '',
  };
}

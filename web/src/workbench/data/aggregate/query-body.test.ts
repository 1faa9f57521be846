import { describe, expect, it } from 'vitest';
import { aggregateQueryInput } from '@zhengtong/contracts';
import { filterOf, measureOf, queryBody } from './query-body';

describe('aggregate query body', () => {
  it('asks eq for one value and in for several, trimmed and without repeats', () => {
    expect(filterOf({ field: 'town', values: [' 翠湖街道 '] })).toEqual({ field: 'town', op: 'eq', value: '翠湖街道' });
    expect(filterOf({ field: 'town', values: ['翠湖街道', '石门镇', '翠湖街道'] })).toEqual({ field: 'town', op: 'in', values: ['翠湖街道', '石门镇'] });
    expect(filterOf({ field: 'town', values: [] })).toBeNull();
  });

  it('makes count without a field and sum or average with one', () => {
    expect(measureOf({ fn: 'count', field: 'householdSize' })).toEqual({ fn: 'count' });
    expect(measureOf({ fn: 'avg', field: 'monthlyAmountFen' })).toEqual({ fn: 'avg', field: 'monthlyAmountFen' });
    expect(measureOf({ fn: 'sum' })).toBeNull();
  });

  it('builds a body the contract accepts', () => {
    const body = queryBody({ resource: '539900-MZ-0001', groupBy: ['town'], measures: [{ fn: 'count' }], filters: [{ field: 'gender', values: ['女'] }], purpose: '测试用途说明' });
    expect(aggregateQueryInput.parse(body)).toEqual(body);
    // An incomplete row goes to the server as it is, to be named there.
    expect(aggregateQueryInput.safeParse(queryBody({ resource: 'x', measures: [{ fn: 'sum' }], purpose: '测试用途说明' })).success).toBe(false);
  });
});

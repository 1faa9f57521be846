import { describe, expect, it } from 'vitest';
import { OrgGraph, type OrgNode } from './hierarchy';

const CITY = '539900000000';
const COUNTY = '539902000000';
const OTHER_COUNTY = '539921000000';
const node = (id: string, parentId: string | null, regionCode = CITY, isActive = true): OrgNode => ({ id, parentId, regionCode, isActive });
const codes = (graph: OrgGraph, id: string) => graph.issuesOf(id).map((i) => i.code);

describe('department tree rules', () => {
  it('accepts a county branch under a city bureau', () => {
    const graph = new OrgGraph([node('bureau', null), node('branch', 'bureau', COUNTY)]);
    expect(graph.issuesOf('branch')).toEqual([]);
    expect(graph.issuesOf('bureau')).toEqual([]);
  });

  it('refuses a parent that does not exist', () => {
    expect(codes(new OrgGraph([node('a', 'ghost')]), 'a')).toEqual(['department.parentNotFound']);
  });

  it('refuses itself or a descendant as parent', () => {
    expect(codes(new OrgGraph([node('a', 'a')]), 'a')).toEqual(['department.parentCycle']);
    const graph = new OrgGraph([node('a', null), node('b', 'a'), node('c', 'b')]);
    graph.set(node('a', 'c'));
    expect(codes(graph, 'a')).toEqual(['department.parentCycle']);
  });

  it('refuses a parent serving a smaller or different region', () => {
    expect(codes(new OrgGraph([node('county', null, COUNTY), node('city', 'county', CITY)]), 'city')).toEqual(['department.parentRegion']);
    expect(codes(new OrgGraph([node('a', null, COUNTY), node('b', 'a', OTHER_COUNTY)]), 'b')).toEqual(['department.parentRegion']);
  });

  it('keeps children inside a department’s region when it moves', () => {
    const graph = new OrgGraph([node('bureau', null, CITY), node('branch', 'bureau', COUNTY)]);
    graph.set(node('bureau', null, OTHER_COUNTY));
    expect(graph.issuesOf('bureau')).toEqual([{ field: 'regionCode', code: 'department.childrenOutsideRegion' }]);
  });

  it('does not deactivate a department with active children, nor keep a child active under an inactive parent', () => {
    const graph = new OrgGraph([node('bureau', null), node('office', 'bureau')]);
    graph.set(node('bureau', null, CITY, false));
    expect(graph.issuesOf('bureau')).toEqual([{ field: 'isActive', code: 'department.hasActiveChildren' }]);
    expect(codes(graph, 'office')).toEqual(['department.parentInactive']);
    graph.set(node('office', 'bureau', CITY, false));
    expect(graph.issuesOf('bureau')).toEqual([]);
  });

  it('moving a node updates who its parent’s children are', () => {
    const graph = new OrgGraph([node('a', null), node('b', null), node('c', 'a')]);
    graph.set(node('c', 'b'));
    expect(graph.childrenOf('a')).toEqual([]);
    expect(graph.childrenOf('b').map((n) => n.id)).toEqual(['c']);
  });
});

import type { DepartmentOption } from '@zhengtong/contracts';
import type { Queryable, Row } from '../../kernel/db';
import { regionPrefix } from '../../kernel/authz';
import { findByCreditCode, listDepartmentOptions, selfAndAncestors } from './repo';

/** For other domains: the departments of a region and everything below it (default: all), for pickers and catalogues. */
export async function listDepartmentTree(db: Queryable, options: { regionCode?: string; includeInactive?: boolean } = {}): Promise<DepartmentOption[]> {
  const rows = await listDepartmentOptions(db, {
    prefix: options.regionCode ? regionPrefix(options.regionCode) : '',
    includeInactive: options.includeInactive ?? false,
    limit: 100_000,
  });
  return rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, parentId: r.parent_id, regionCode: r.region_code, isActive: r.is_active }));
}

/** The department behind a 统一社会信用代码 (e.g. the implementer in a GB/T 39554 实施编码). */
export function findDepartmentByCreditCode(db: Queryable, creditCode: string): Promise<Row<'departments'> | undefined> {
  return findByCreditCode(db, creditCode.toUpperCase());
}

/** The department's id followed by its superiors' (a county branch, then the city bureau …). */
export async function departmentAncestorIds(db: Queryable, id: string): Promise<string[]> {
  return (await selfAndAncestors(db, id)).map((n) => n.id);
}

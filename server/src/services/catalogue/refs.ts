import { regionAncestorCodes, type CatalogueDepartmentRef, type CatalogueRegionRef } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { levelOfCode } from '../../kernel/authz';
import { findDepartment } from '../../platform/departments';
import { regionNames } from '../../platform/regions';

/** Departments and regions named in catalogue views, looked up through their own domains (never their tables). */
export type Refs = {
  department(id: string): CatalogueDepartmentRef;
  region(code: string): CatalogueRegionRef;
};

export async function loadRefs(db: Queryable, wanted: { departmentIds: Iterable<string>; regionCodes: Iterable<string> }): Promise<Refs> {
  const departmentIds = [...new Set(wanted.departmentIds)];
  const departments = new Map<string, CatalogueDepartmentRef>();
  // A page names a handful of departments; one indexed lookup each keeps the departments domain's API small.
  for (const row of await Promise.all(departmentIds.map((id) => findDepartment(db, id)))) {
    if (row) departments.set(row.id, { id: row.id, name: row.name, creditCode: row.credit_code });
  }
  const codes = [...new Set(wanted.regionCodes)];
  const names = await regionNames(db, [...new Set(codes.flatMap((c) => [...regionAncestorCodes(c), c]))]);
  return {
    department: (id) => departments.get(id) ?? { id, name: '', creditCode: '' },
    region: (code) => {
      const own = names.get(code);
      const fullName = [...regionAncestorCodes(code), code].map((c) => names.get(c)?.name ?? '').join('');
      return { code, name: own?.name ?? '', fullName, level: own?.level ?? levelOfCode(code) };
    },
  };
}

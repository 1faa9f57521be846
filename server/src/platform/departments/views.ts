import type { DepartmentView, PositionView } from '@zhengtong/contracts';
import type { Row } from '../../kernel/db';
import type { DepartmentRow } from './repo';

export function toDepartmentView(row: DepartmentRow): DepartmentView {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    creditCode: row.credit_code,
    regionCode: row.region_code,
    regionName: row.region_name,
    regionLevel: row.region_level,
    parentId: row.parent_id,
    parentName: row.parent_name,
    sort: row.sort,
    isActive: row.is_active,
    childCount: Number(row.child_count),
    positionCount: Number(row.position_count),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toPositionView(row: Row<'positions'>): PositionView {
  return {
    id: row.id,
    departmentId: row.department_id,
    name: row.name,
    sort: row.sort,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

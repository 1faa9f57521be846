import type { ImplementationView, ItemVersionSummary, ItemVersionView, ServiceItemView } from '@zhengtong/contracts';
import type { Row } from '../../kernel/db';
import type { Refs } from './refs';
import { elementsOf, snapshotOf } from './version-rows';
import type { VersionRow } from './versions-repo';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function isInForce(row: Pick<VersionRow, 'status' | 'effective_from' | 'effective_to'>, at: Date): boolean {
  return row.status === 'published' && row.effective_from !== null && row.effective_from <= at && (row.effective_to === null || row.effective_to > at);
}

export function toVersionView(row: VersionRow, implementation: Row<'service_item_implementations'>, refs: Refs, at: Date): ItemVersionView {
  return {
    ...elementsOf(row),
    id: row.id,
    implementationId: row.implementation_id,
    version: row.version,
    status: row.status,
    effectiveFrom: iso(row.effective_from),
    effectiveTo: iso(row.effective_to),
    isInForce: isInForce(row, at),
    serviceItem: snapshotOf(row),
    implementation: {
      id: implementation.id,
      implementationCode: implementation.implementation_code,
      department: refs.department(implementation.department_id),
      region: refs.region(implementation.region_code),
    },
    revision: row.revision,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

type SummaryRow = Pick<VersionRow, 'id' | 'implementation_id' | 'version' | 'status' | 'effective_from' | 'effective_to'>;

export function toSummary(row: SummaryRow): ItemVersionSummary {
  return { id: row.id, version: row.version, status: row.status, effectiveFrom: iso(row.effective_from), effectiveTo: iso(row.effective_to) };
}

export function toImplementationView(
  row: Row<'service_item_implementations'>,
  itemName: string,
  versions: readonly SummaryRow[],
  refs: Refs,
  at: Date,
): ImplementationView {
  const own = versions.filter((v) => v.implementation_id === row.id);
  const current = own.find((v) => isInForce(v, at));
  const pending = own.find((v) => v.status === 'draft' || v.status === 'review');
  const scheduled = own.find((v) => v.status === 'published' && v.effective_from !== null && v.effective_from > at);
  return {
    id: row.id,
    serviceItemId: row.service_item_id,
    serviceItemName: itemName,
    implementationCode: row.implementation_code,
    serial: row.serial,
    department: refs.department(row.department_id),
    region: refs.region(row.region_code),
    isActive: row.is_active,
    current: current ? toSummary(current) : null,
    pending: pending ? toSummary(pending) : null,
    scheduled: scheduled ? toSummary(scheduled) : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toItemView(row: Row<'service_items'>, lifeEvents: string[], counts: { total: number; published: number } | undefined): ServiceItemView {
  return {
    id: row.id,
    basicCode: row.basic_code,
    name: row.name,
    type: row.type,
    powerSource: row.power_source,
    basis: row.basis,
    audience: row.audience,
    lifeEvents,
    keywords: row.keywords,
    aliases: row.aliases,
    departmentCategory: row.department_category,
    description: row.description,
    sort: row.sort,
    regionCode: row.region_code,
    implementationCount: counts?.total ?? 0,
    publishedCount: counts?.published ?? 0,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

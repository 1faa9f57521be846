import { regionAncestorCodes, type ImplementationView, type ItemVersionView } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { regionContains } from '../../kernel/authz';
import { findImplementation, implementationsOf } from './implementations-repo';
import { findItem } from './items-repo';
import { loadRefs } from './refs';
import { findVersion, versionSummaries, versionsInForce } from './versions-repo';
import { toImplementationView, toVersionView } from './views';
import { cachedVersion, keepVersion } from './version-cache';

// What other domains (cases first) may call. Signatures are fixed by docs/design/services-model.md.

/** The full version a case is filed under, with its item (as published) and implementation; NOT_FOUND when unknown. */
export async function getItemVersion(db: Queryable, versionId: string): Promise<ItemVersionView> {
  const cached = cachedVersion(versionId);
  if (cached) return toVersionView(cached.row, cached.implementation, cached.refs, new Date());
  const row = await findVersion(db, versionId);
  const implementation = row ? await findImplementation(db, row.implementation_id) : undefined;
  if (!row || !implementation) throw new AppError('NOT_FOUND', { detail: 'catalogue.versionNotFound' });
  const refs = await loadRefs(db, { departmentIds: [implementation.department_id], regionCodes: [implementation.region_code] });
  keepVersion({ row, implementation, refs });
  return toVersionView(row, implementation, refs, new Date());
}

/** The version of an implementation in force at `at` (published, effectiveFrom ≤ at < effectiveTo), if any. */
export async function findPublishedVersion(db: Queryable, implementationId: string, at: Date = new Date()): Promise<ItemVersionView | undefined> {
  const implementation = await findImplementation(db, implementationId);
  if (!implementation || !implementation.is_active) return undefined;
  const row = (await versionsInForce(db, [implementationId], at)).get(implementationId);
  if (!row) return undefined;
  const refs = await loadRefs(db, { departmentIds: [implementation.department_id], regionCodes: [implementation.region_code] });
  return toVersionView(row, implementation, refs, at);
}

/** Every implementation of an item (active or not), with the version in force at `at` and any pending one. */
export async function listImplementations(db: Queryable, serviceItemId: string, at: Date = new Date()): Promise<ImplementationView[]> {
  const item = await findItem(db, serviceItemId);
  if (!item) throw new AppError('NOT_FOUND', { detail: 'catalogue.itemNotFound' });
  const rows = await implementationsOf(db, [serviceItemId]);
  const versions = await versionSummaries(db, rows.map((r) => r.id));
  const refs = await loadRefs(db, { departmentIds: rows.map((r) => r.department_id), regionCodes: rows.map((r) => r.region_code) });
  return rows.map((r) => toImplementationView(r, item.name, versions, refs, at));
}

/**
 * The version in force that serves an applicant of `regionCode` (一窗受理 for any item): the active implementation
 * whose region is nearest above or at the applicant's (a county's own before the city's); undefined when none.
 */
export async function findPublishedVersionForRegion(db: Queryable, serviceItemId: string, regionCode: string, at: Date = new Date()): Promise<ItemVersionView | undefined> {
  const chosen = await chooseImplementation(db, serviceItemId, { regionCode, at });
  return chosen ? findPublishedVersion(db, chosen, at) : undefined;
}

/**
 * Picks the implementation with a version in force for a region: the nearest at or above it; otherwise (a city-wide
 * view of a county-only item) the first below it; without a region, the highest level.
 */
export async function chooseImplementation(db: Queryable, serviceItemId: string, options: { regionCode?: string; at: Date }): Promise<string | undefined> {
  const rows = (await implementationsOf(db, [serviceItemId])).filter((r) => r.is_active);
  const inForce = await versionsInForce(db, rows.map((r) => r.id), options.at);
  const offered = rows.filter((r) => inForce.has(r.id));
  const byLevel = [...offered].sort((a, b) => levelDepth(a.region_code) - levelDepth(b.region_code) || a.region_code.localeCompare(b.region_code));
  const regionCode = options.regionCode;
  if (!regionCode) return byLevel[0]?.id;
  const chain = [...regionAncestorCodes(regionCode), regionCode];
  const above = offered.filter((r) => chain.includes(r.region_code)).sort((a, b) => chain.indexOf(b.region_code) - chain.indexOf(a.region_code));
  if (above[0]) return above[0].id;
  return byLevel.find((r) => regionContains(regionCode, r.region_code))?.id;
}

function levelDepth(code: string): number {
  return regionAncestorCodes(code).length;
}

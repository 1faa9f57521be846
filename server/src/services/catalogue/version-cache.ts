import type { Row } from '../../kernel/db';
import type { Refs } from './refs';

// Every application reads the version it is filed under, and a published version's content never changes: only its
// status does (retired). Its rows are kept here for a few seconds, so a burst of applications does not read the same
// four rows each time. Changes made in this process forget the entry at once; another server process may go on
// filing under a just-retired version for at most CACHE_SECONDS, which is no different from a submission sent a few
// seconds earlier. Drafts and versions under review are never kept: their content still changes.

const CACHE_SECONDS = 5;
// A city publishes a few thousand versions at most; past this the cache starts afresh rather than grow.
const MAX_ENTRIES = 5_000;

export type CachedVersion = { row: Row<'service_item_versions'>; implementation: Row<'service_item_implementations'>; refs: Refs };

const entries = new Map<string, { value: CachedVersion; expiresAt: number }>();

export function cachedVersion(id: string): CachedVersion | undefined {
  const entry = entries.get(id);
  if (!entry) return undefined;
  if (entry.expiresAt > Date.now()) return entry.value;
  entries.delete(id);
  return undefined;
}

export function keepVersion(value: CachedVersion): void {
  if (value.row.status !== 'published' && value.row.status !== 'retired') return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(value.row.id, { value, expiresAt: Date.now() + CACHE_SECONDS * 1000 });
}

/** Called by every write to a version or an implementation (an implementation is shared by its versions). */
export function forgetVersions(versionId?: string): void {
  if (versionId) entries.delete(versionId);
  else entries.clear();
}

import { regionLevels, type RegionView } from '@zhengtong/contracts';
import type { Queryable } from '../../kernel/db';
import { regionPrefix } from '../../kernel/authz';
import { findRegion, findRegionRow, listByPrefix } from './repo';
import { inTreeOrder, toRegionViews } from './views';

const MAX_TREE = 50_000;

/**
 * For other domains: the regions under `root` (inclusive; default every province) down `depth` levels, parents
 * before children and siblings in display order — enough to build a picker or a per-region report.
 */
export async function listRegionTree(db: Queryable, options: { root?: string; depth?: number } = {}): Promise<RegionView[]> {
  const depth = options.depth ?? regionLevels.length;
  let prefix = '';
  let from = 0;
  if (options.root) {
    const root = await findRegion(db, options.root);
    if (!root) return [];
    prefix = regionPrefix(root.code);
    from = regionLevels.indexOf(root.level);
  }
  const rows = await listByPrefix(db, prefix, { levels: regionLevels.slice(from, from + depth + 1), limit: MAX_TREE });
  return toRegionViews(db, inTreeOrder(rows));
}

/** 云岭省云溪市澜沧区翠湖街道 for 539902001000; undefined for an unknown code. */
export async function regionFullName(db: Queryable, code: string): Promise<string | undefined> {
  const row = await findRegionRow(db, code);
  if (!row) return undefined;
  const [view] = await toRegionViews(db, [row]);
  return view?.fullName;
}

import type { DataQualityReport, DataQualityScore } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { hasPermission, requirePermission, type Actor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import { assertBrowses, isManagerOf, isReviewerOf } from './access';
import { notFound } from './drafts';
import { qualityScores } from './quality';
import { findResource } from './repo';

/** GET /api/data-quality: the chief data officer sees every provider of their region, a data admin their own department. */
export async function readQuality(kernel: Kernel, { actor, provider }: { actor: Actor; provider?: string }): Promise<DataQualityReport> {
  requirePermission(actor, 'data.metrics');
  if (actor.kind === 'system') return qualityScores(kernel.db, kernel.keys, { providerDepartmentId: provider });
  if (hasPermission(actor, 'data-resource.review')) {
    if (!actor.regionCode) throw new AppError('OUT_OF_SCOPE');
    return qualityScores(kernel.db, kernel.keys, { regionCode: actor.regionCode, providerDepartmentId: provider });
  }
  if (!actor.departmentId || (provider && provider !== actor.departmentId)) throw new AppError('OUT_OF_SCOPE');
  return qualityScores(kernel.db, kernel.keys, { providerDepartmentId: actor.departmentId });
}

/** One resource's score for its detail page (whoever may read the resource); null before publication or once retired. */
export async function readResourceQuality(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<DataQualityScore | null> {
  assertBrowses(actor);
  const row = await findResource(kernel.db, id);
  if (!row) throw notFound();
  if (row.published_version === null) {
    if (!isManagerOf(actor, row) && !isReviewerOf(actor, row)) throw notFound();
    return null;
  }
  const report = await qualityScores(kernel.db, kernel.keys, { resourceIds: [id] });
  return report.items[0] ?? null;
}

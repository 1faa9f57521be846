import type { ItemVersionListItem, ItemVersionListQuery } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { catalogueScopePrefix } from './access';
import { loadRefs } from './refs';
import { listVersionRows } from './versions-repo';
import { toSummary } from './views';

/** Versions in the reader's region: the review queue (?status=review, longest waiting first), drafts, history. */
export async function listVersions(kernel: Kernel, { actor, query }: { actor: Actor; query: ItemVersionListQuery }): Promise<{ items: ItemVersionListItem[]; total: number }> {
  const prefix = catalogueScopePrefix(actor);
  const { rows, total } = await listVersionRows(
    kernel.db,
    { regionPrefix: prefix, status: query.status, implementationId: query.implementationId, departmentId: query.departmentId },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const refs = await loadRefs(kernel.db, { departmentIds: rows.map((r) => r.department_id), regionCodes: rows.map((r) => r.region_code) });
  return {
    items: rows.map((r) => ({
      ...toSummary(r),
      implementationId: r.implementation_id,
      implementationCode: r.implementation_code,
      serviceItemId: r.service_item_id,
      serviceItemName: r.service_item_name,
      department: refs.department(r.department_id),
      region: refs.region(r.region_code),
      changeNote: r.change_note,
      submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
      updatedAt: r.updated_at.toISOString(),
    })),
    total,
  };
}

import type { ImplementationDifferences } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import { assertReadsCatalogue } from './access';
import { compareImplementations } from './differences-compare';
import { implementationsOf } from './implementations-repo';
import { findItem } from './items-repo';
import { loadRefs } from './refs';
import { elementsOf, itemSnapshot, snapshotOf } from './version-rows';
import { versionsInForce } from './versions-repo';

/** 四级四同 report: how the versions in force of an item's implementations differ, and which differences break the rule. */
export async function implementationDifferences(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<ImplementationDifferences> {
  assertReadsCatalogue(actor);
  const db = kernel.db;
  const item = await findItem(db, id);
  if (!item) throw new AppError('NOT_FOUND', { detail: 'catalogue.itemNotFound' });
  const rows = (await implementationsOf(db, [id])).filter((i) => i.is_active);
  const inForce = await versionsInForce(db, rows.map((r) => r.id), new Date());
  const refs = await loadRefs(db, { departmentIds: rows.map((r) => r.department_id), regionCodes: rows.map((r) => r.region_code) });
  const compared = rows.flatMap((r) => {
    const v = inForce.get(r.id);
    return v ? [{ implementationId: r.id, snapshot: snapshotOf(v), elements: elementsOf(v) }] : [];
  });
  const { elements, violationCount } = compareImplementations(itemSnapshot(item), compared);
  return {
    serviceItem: { id: item.id, basicCode: item.basic_code, name: item.name },
    implementations: rows.map((r) => {
      const v = inForce.get(r.id);
      return { id: r.id, implementationCode: r.implementation_code, department: refs.department(r.department_id), region: refs.region(r.region_code), versionId: v?.id ?? null, version: v?.version ?? null };
    }),
    elements,
    violationCount,
    notComparedIds: rows.filter((r) => !inForce.has(r.id)).map((r) => r.id),
  };
}

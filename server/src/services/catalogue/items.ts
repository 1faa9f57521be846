import type { CreateServiceItemInput, ServiceItemListQuery, ServiceItemView, UpdateServiceItemInput } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Queryable, RowUpdate } from '../../kernel/db';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, isForeignKeyViolation, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { Actor } from '../../kernel/authz';
import { findRegion } from '../../platform/regions';
import { assertManagesItems, assertReadsCatalogue, catalogueScopePrefix } from './access';
import { countImplementations } from './implementations-repo';
import {
  deleteItemRow,
  findItem,
  implementationCounts,
  insertItem,
  itemsByBasicCode,
  knownLifeEvents,
  lifeEventsOf,
  listItemRows,
  lockItem,
  setLifeEvents,
  updateItemRow,
} from './items-repo';
import { searchColumns } from './search-text';
import { toItemView } from './views';

/** One item with its life events and implementation counts; NOT_FOUND when unknown (for other domains too). */
export async function getServiceItem(db: Queryable, id: string): Promise<ServiceItemView> {
  const row = await findItem(db, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'catalogue.itemNotFound' });
  const [events, counts] = await Promise.all([lifeEventsOf(db, [id]), implementationCounts(db, [id], new Date())]);
  return toItemView(row, events.get(id) ?? [], counts.get(id));
}

export async function readServiceItem(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<ServiceItemView> {
  assertReadsCatalogue(actor);
  return getServiceItem(kernel.db, id);
}

export async function listServiceItems(kernel: Kernel, { actor, query }: { actor: Actor; query: ServiceItemListQuery }): Promise<{ items: ServiceItemView[]; total: number }> {
  // Items are shared by every level (四级四同): a county editor sees the city's and the province's catalogue too.
  // The province's digits cover the catalogues above and beside the reader's region.
  const prefix = catalogueScopePrefix(actor).slice(0, 2);
  const { rows, total } = await listItemRows(
    kernel.db,
    { regionPrefix: prefix, text: query.q, type: query.type, audience: query.audience, lifeEvent: query.lifeEvent, departmentId: query.departmentId },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const ids = rows.map((r) => r.id);
  const [events, counts] = await Promise.all([lifeEventsOf(kernel.db, ids), implementationCounts(kernel.db, ids, new Date())]);
  return { items: rows.map((r) => toItemView(r, events.get(r.id) ?? [], counts.get(r.id))), total };
}

async function assertLifeEventsExist(db: Queryable, codes: readonly string[]): Promise<void> {
  const known = new Set((await knownLifeEvents(db)).map((e) => e.code));
  const issues = codes.flatMap((code, i) => (known.has(code) ? [] : [{ field: `lifeEvents.${i}`, code: 'catalogue.lifeEventUnknown' }]));
  if (issues.length > 0) throw invalid(issues);
}

function duplicateOf(error: unknown): AppError | undefined {
  if (!isUniqueViolation(error)) return undefined;
  const constraint = typeof error === 'object' && error !== null && 'constraint' in error ? String((error as { constraint: unknown }).constraint) : '';
  return constraint.includes('basic_code')
    ? new AppError('DUPLICATE', { fields: [{ field: 'basicCode', code: 'catalogue.basicCodeTaken' }] })
    : new AppError('DUPLICATE', { fields: [{ field: 'name', code: 'catalogue.nameTaken' }] });
}

export async function createServiceItem(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateServiceItemInput }): Promise<ServiceItemView> {
  const regionCode = input.regionCode ?? (actor.kind === 'account' ? actor.regionCode : null);
  if (!regionCode) throw invalid([{ field: 'regionCode', code: 'required' }]);
  assertManagesItems(actor, regionCode);
  if (!(await findRegion(kernel.db, regionCode))) throw invalid([{ field: 'regionCode', code: 'region.notFound' }]);
  await assertLifeEventsExist(kernel.db, input.lifeEvents);
  if ((await itemsByBasicCode(kernel.db, [input.basicCode])).size > 0) throw new AppError('DUPLICATE', { fields: [{ field: 'basicCode', code: 'catalogue.basicCodeTaken' }] });
  const id = newId();
  try {
    await inTransaction(kernel.db, async (tx) => {
      await insertItem(tx, {
        id,
        basic_code: input.basicCode,
        name: input.name,
        type: input.type,
        power_source: input.powerSource,
        basis: JSON.stringify(input.basis),
        audience: input.audience,
        keywords: input.keywords,
        aliases: input.aliases,
        department_category: input.departmentCategory,
        description: input.description,
        sort: input.sort,
        region_code: regionCode,
        ...searchColumns(input),
      });
      await setLifeEvents(tx, id, input.lifeEvents);
      await audit(tx, actor, { action: 'service-item.create', objectType: 'service-item', objectId: id, detail: { basicCode: input.basicCode, name: input.name, type: input.type, regionCode } });
      await emit(tx, 'service-item.created', { id, basicCode: input.basicCode, name: input.name });
    });
  } catch (error) {
    throw duplicateOf(error) ?? error;
  }
  return getServiceItem(kernel.db, id);
}

export async function updateServiceItem(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: UpdateServiceItemInput }): Promise<ServiceItemView> {
  if (input.lifeEvents) await assertLifeEventsExist(kernel.db, input.lifeEvents);
  try {
    await inTransaction(kernel.db, async (tx) => {
      const current = await lockItem(tx, id);
      if (!current) throw new AppError('NOT_FOUND', { detail: 'catalogue.itemNotFound' });
      assertManagesItems(actor, current.region_code);
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      // Implementation codes embed the basic code (GB/T 39554); it is fixed once anyone implements the item.
      if (input.basicCode !== undefined && input.basicCode !== current.basic_code && (await countImplementations(tx, id)) > 0) {
        throw invalid([{ field: 'basicCode', code: 'catalogue.implementationBasicCode' }]);
      }
      const next = {
        name: input.name ?? current.name,
        aliases: input.aliases ?? current.aliases,
        keywords: input.keywords ?? current.keywords,
      };
      const changes: RowUpdate<'service_items'> = {
        ...(input.basicCode !== undefined ? { basic_code: input.basicCode } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.type !== undefined ? { type: input.type } : {}),
        ...(input.powerSource !== undefined ? { power_source: input.powerSource } : {}),
        ...(input.basis !== undefined ? { basis: JSON.stringify(input.basis) } : {}),
        ...(input.audience !== undefined ? { audience: input.audience } : {}),
        ...(input.keywords !== undefined ? { keywords: input.keywords } : {}),
        ...(input.aliases !== undefined ? { aliases: input.aliases } : {}),
        ...(input.departmentCategory !== undefined ? { department_category: input.departmentCategory } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
        ...searchColumns(next),
      };
      if (!(await updateItemRow(tx, id, input.version, changes))) throw new AppError('STALE_VERSION');
      if (input.lifeEvents) await setLifeEvents(tx, id, input.lifeEvents);
      const changed = Object.keys(input).filter((k) => k !== 'version');
      await audit(tx, actor, {
        action: 'service-item.update',
        objectType: 'service-item',
        objectId: id,
        detail: { changed, before: { basicCode: current.basic_code, name: current.name, type: current.type, basis: current.basis } },
      });
      await emit(tx, 'service-item.updated', { id, changed });
    });
  } catch (error) {
    throw duplicateOf(error) ?? error;
  }
  return getServiceItem(kernel.db, id);
}

/** Only an item nobody implements yet may be deleted (one created by mistake). */
export async function deleteServiceItem(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<void> {
  await inTransaction(kernel.db, async (tx) => {
    const current = await lockItem(tx, id);
    if (!current) throw new AppError('NOT_FOUND', { detail: 'catalogue.itemNotFound' });
    assertManagesItems(actor, current.region_code);
    if ((await countImplementations(tx, id)) > 0) throw new AppError('IN_USE', { detail: 'catalogue.itemInUse' });
    try {
      await deleteItemRow(tx, id);
    } catch (error) {
      // An implementation added since the count above.
      if (isForeignKeyViolation(error)) throw new AppError('IN_USE', { detail: 'catalogue.itemInUse' });
      throw error;
    }
    await audit(tx, actor, { action: 'service-item.delete', objectType: 'service-item', objectId: id, detail: { basicCode: current.basic_code, name: current.name } });
    await emit(tx, 'service-item.deleted', { id });
  });
}

import type { LifeEventView, ServiceGuide } from '@zhengtong/contracts';
import { sql } from 'kysely';
import type { Kernel } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import { findImplementation, implementationsOf } from './implementations-repo';
import { findItem, knownLifeEvents, lifeEventsOf } from './items-repo';
import { chooseImplementation } from './public-api';
import { loadRefs } from './refs';
import { versionsInForce } from './versions-repo';
import { toVersionView } from './views';

/** Public: the life events with how many items each offers now. */
export async function listLifeEvents(kernel: Kernel): Promise<{ items: LifeEventView[] }> {
  const at = new Date();
  const counts = await sql<{ code: string; n: string }>`
    select x.life_event_code as code, count(distinct x.service_item_id)::text as n
    from service_item_life_events x
    where exists (
      select 1 from service_item_implementations i join service_item_versions v on v.implementation_id = i.id
      where i.service_item_id = x.service_item_id and i.is_active and v.status = 'published'
        and v.effective_from <= ${at} and (v.effective_to is null or v.effective_to > ${at}))
    group by x.life_event_code`.execute(kernel.db);
  const byCode = new Map(counts.rows.map((r) => [r.code, Number(r.n)]));
  const events = await knownLifeEvents(kernel.db);
  return {
    items: events.map((e) => ({ code: e.code, name: { 'zh-CN': e.name_zh, 'en-US': e.name_en }, audience: e.audience, sort: e.sort, itemCount: byCode.get(e.code) ?? 0 })),
  };
}

/**
 * Public: 办事指南 — the version in force of the implementation serving the applicant's region (the county's own before
 * the city's), or of the implementation asked for; NOT_FOUND when the item offers nothing there now.
 */
export async function getServiceGuide(kernel: Kernel, { id, regionCode, implementationId }: { id: string; regionCode?: string; implementationId?: string }): Promise<ServiceGuide> {
  const db = kernel.db;
  const at = new Date();
  const item = await findItem(db, id);
  if (!item) throw new AppError('NOT_FOUND', { detail: 'catalogue.itemNotFound' });
  const chosenId = implementationId ?? (await chooseImplementation(db, id, { regionCode, at }));
  const implementation = chosenId ? await findImplementation(db, chosenId) : undefined;
  const version = implementation && implementation.is_active && implementation.service_item_id === id ? (await versionsInForce(db, [implementation.id], at)).get(implementation.id) : undefined;
  if (!implementation || !version) throw new AppError('NOT_FOUND', { detail: 'catalogue.notPublished' });

  const others = (await implementationsOf(db, [id])).filter((i) => i.is_active && i.id !== implementation.id);
  const othersInForce = await versionsInForce(db, others.map((i) => i.id), at);
  const offered = others.filter((i) => othersInForce.has(i.id));
  const refs = await loadRefs(db, { departmentIds: [implementation.department_id, ...offered.map((i) => i.department_id)], regionCodes: [implementation.region_code, ...offered.map((i) => i.region_code)] });
  const { revision: _revision, ...view } = toVersionView(version, implementation, refs, at);
  const events = (await lifeEventsOf(db, [id])).get(id) ?? [];
  return {
    ...view,
    serviceItem: { ...view.serviceItem, lifeEvents: events, description: item.description },
    otherImplementations: offered.map((i) => {
      const department = refs.department(i.department_id);
      const region = refs.region(i.region_code);
      return { id: i.id, department: { id: department.id, name: department.name }, region: { code: region.code, name: region.name } };
    }),
  };
}

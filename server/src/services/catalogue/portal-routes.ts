import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lifeEventView, serviceGuide, serviceGuideQuery, serviceSearchQuery, serviceSearchResult } from '@zhengtong/contracts';
import { getServiceGuide, listLifeEvents } from './portal';
import { searchServices } from './search';

const tags = ['service-items (portal)'];
const idParam = z.object({ id: z.uuid('invalid_format') });

/** 办事大厅: public search, browse by life event, the guide of each item. */
export function portalRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/service-items/search', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '搜索办事事项 (Chinese search forgiving partial and everyday words: name > alias > keyword > partial; browse by life event, department, audience, region; facet counts)',
      querystring: serviceSearchQuery,
      response: { 200: serviceSearchResult },
    },
  }, async (req) => searchServices(kernel, { query: req.query }));

  r.get('/api/life-events', {
    config: { access: 'public' },
    schema: { tags, summary: '主题分类 (life events and enterprise stages, with how many items each offers now)', response: { 200: z.object({ items: z.array(lifeEventView) }) } },
  }, async () => listLifeEvents(kernel));

  r.get('/api/service-items/:id/guide', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '办事指南 (the version in force of the implementation serving ?regionCode= — the county’s own before the city’s — or of ?implementationId=)',
      params: idParam,
      querystring: serviceGuideQuery,
      response: { 200: serviceGuide },
    },
  }, async (req) => getServiceGuide(kernel, { id: req.params.id, regionCode: req.query.regionCode, implementationId: req.query.implementationId }));
}

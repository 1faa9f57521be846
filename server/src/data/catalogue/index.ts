import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { dataCatalogueMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { catalogueRoutes } from './routes';

// Other domains react to the outbox events data-resource.published {id, code, version, providerDepartmentId},
// data-resource.retired {id, code, version, providerDepartmentId} (version: the last published one, null if none)
// and data-resource.records-changed {id, code, providerDepartmentId, written, deleted}.

// 数据资源目录: what other data domains may use (see README.md, "For other domains").
export { findPublishedResource, getPublishedResource, findRegistryResource, listPublishedResources, resourceLevel, type ListedResource } from './published';
export { writeRecords, deleteRecords, readRecordsByKey, scanRecords, allRecords, recordKey, normaliseKey } from './records';
// Quality scores for the data metrics page (streams every record of the resources chosen).
export { qualityScores, type QualityOptions } from './quality';
// The demo city catalogues its resources through the same paths as staff.
export { createResource, saveDraft } from './drafts';
export { submitResource, publishResource, returnResource, retireResource } from './review';
export { loadRecords } from './record-loads';
export { getResourceView } from './views';

registerMessages(dataCatalogueMessages);

/** 数据资源目录: resources, versions and review, records, search, import and export, quality. */
export default fp(
  async function dataCatalogue(app: FastifyInstance) {
    catalogueRoutes(app);
  },
  { name: 'data-catalogue', dependencies: ['identity', 'departments'] },
);

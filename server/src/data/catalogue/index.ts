import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

// 数据资源目录: what other data domains may use (see README.md, "For other domains").
export { findPublishedResource, getPublishedResource, findRegistryResource, resourceLevel } from './published';
export { writeRecords, deleteRecords, readRecordsByKey, scanRecords, allRecords, recordKey, normaliseKey } from './records';

/** 数据资源目录: resources, versions and review, records, search, import and export. */
export default fp(
  async function dataCatalogue(app: FastifyInstance) {
    void app;
  },
  { name: 'data-catalogue', dependencies: ['identity', 'departments'] },
);

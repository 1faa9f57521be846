import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** 数据开放: open datasets, downloads, open APIs, conditional applications, the CKAN Action API and DCAT-AP. */
export default fp(
  async function openData(app: FastifyInstance) {
    void app;
  },
  { name: 'open-data', dependencies: ['identity', 'departments', 'data-catalogue'] },
);

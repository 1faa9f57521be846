import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** 共享交换: share requests and demands, approvals, client credentials, the query API and its call log. */
export default fp(
  async function exchange(app: FastifyInstance) {
    void app;
  },
  { name: 'data-exchange', dependencies: ['identity', 'departments', 'data-catalogue'] },
);

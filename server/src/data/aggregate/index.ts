import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** 可用不可见: aggregate-only queries with k-anonymity thresholds, discrete-Laplace noise and privacy budgets. */
export default fp(
  async function aggregate(app: FastifyInstance) {
    void app;
  },
  { name: 'data-aggregate', dependencies: ['identity', 'departments', 'data-catalogue'] },
);

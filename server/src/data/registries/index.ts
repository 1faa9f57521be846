import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** 人口库/法人库: base registries, 一数一源 cross-checks and disputes (异议核实). */
export default fp(
  async function registries(app: FastifyInstance) {
    void app;
  },
  { name: 'data-registries', dependencies: ['identity', 'departments', 'data-catalogue'] },
);

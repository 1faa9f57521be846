import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** Security policy (second factor for all staff, …) managed by the security admin; outbox inspection. */
export default fp(
  async function security(_app: FastifyInstance) {
    // routes
  },
  { name: 'security', dependencies: ['identity'] },
);

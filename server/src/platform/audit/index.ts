import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** Auditor screens' API: search and export the audit trail, verify the chain; citizens' data-use tracker. */
export default fp(
  async function auditTrail(_app: FastifyInstance) {
    // routes
  },
  { name: 'audit-trail', dependencies: ['identity'] },
);

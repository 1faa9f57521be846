import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** 一人一码 / 一企一码: dynamic signed codes for holders and a consent-based scan API for halls and partners. */
export default fp(
  async function identityCodes(_app: FastifyInstance) {},
  { name: 'identity-codes', dependencies: ['identity'] },
);

import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** 电子证照: licence types, issuance, verification, the holder's wallet and grants. */
export default fp(
  async function licenses(_app: FastifyInstance) {},
  { name: 'licenses', dependencies: ['identity', 'departments', 'seals'] },
);

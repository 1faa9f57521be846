import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export { findRegion } from './repo';

/** Regions (行政区划): the province → village tree every record is scoped by. */
export default fp(
  async function regions(_app: FastifyInstance) {
    // routes: see routes.ts (added with the admin screens)
  },
  { name: 'regions', dependencies: ['identity'] },
);

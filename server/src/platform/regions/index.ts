import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { orgMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { regionRoutes } from './routes';

export { findRegion, regionNames } from './repo';
export { getRegion, listRegions } from './service';
export { listRegionTree, regionFullName } from './public-api';
export { referencingTable, violatedConstraint } from './db-errors';

let hasMessages = false;

/** Regions (行政区划): the province → village tree every record is scoped by. */
export default fp(
  async function regions(app: FastifyInstance) {
    // One table for both org domains (regions and departments), registered once per process.
    if (!hasMessages) registerMessages(orgMessages);
    hasMessages = true;
    regionRoutes(app);
  },
  { name: 'regions', dependencies: ['identity'] },
);

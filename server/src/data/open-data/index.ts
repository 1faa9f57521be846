import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { openDataMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { ckanRoutes } from './ckan-routes';
import { pruneUsage } from './rate-limit';
import { openDataRoutes } from './routes';

// Outbox events: open-data.application.submitted {id, resourceId, regionCode, code, months, enterpriseId};
// open-data.application.decided {id, resourceId, status approved|refused, applicantAccountId, applicantEnterpriseId,
// code, months?, validUntil?, note?, reason?}; open-data.settings.saved {resourceId, code, isFeatured, featuredRank,
// licenceName}. See README.md.

// Other domains and the demo seed (see README.md, "For other domains").
export { createApiKey } from './api-keys';
export { applyForDataset, decideApplication } from './applications';
export { saveDatasetSettings } from './admin';
export { findOpenDataset, loadOpenDatasets } from './datasets';

registerMessages(openDataMessages);

export const PRUNE_USAGE_JOB = 'open-data.prune-usage';

/** 数据开放: open datasets, downloads, open APIs, conditional applications, the CKAN Action API and DCAT-AP. */
export default fp(
  async function openData(app: FastifyInstance) {
    openDataRoutes(app);
    ckanRoutes(app);
    app.kernel.jobs.every(PRUNE_USAGE_JOB, 3600, async (tx) => {
      await pruneUsage(tx);
    });
  },
  { name: 'open-data', dependencies: ['identity', 'departments', 'data-catalogue'] },
);

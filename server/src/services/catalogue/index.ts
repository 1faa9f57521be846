import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { catalogueMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { catalogueRoutes } from './routes';
import { supersedeDueVersions } from './supersede';

// The only entry other domains use (cases: getItemVersion, findPublishedVersion …); docs/design/services-model.md.
export { chooseImplementation, findPublishedVersion, findPublishedVersionForRegion, getItemVersion, listImplementations } from './public-api';
export { getServiceItem } from './items';
// Writes through the same rules as the API, for the demo seed and later domains that maintain items.
export { createServiceItem, updateServiceItem } from './items';
export { createImplementation } from './implementations';
export { approveVersion, submitVersion } from './reviews';
export { createDraft, updateDraft } from './drafts';
// Test factories other domains' tests may use (cases files its test applications under these items).
export { publishedItem as makePublishedServiceItem, sampleElements as sampleItemVersionElements, sampleItemInput as sampleServiceItemInput } from './test-support';

registerMessages(catalogueMessages);

/** The service item catalogue (政务服务事项, GB/T 39554): items, implementations, versions, search and guides. */
export default fp(
  async function catalogue(app: FastifyInstance) {
    catalogueRoutes(app);
    // A version's successor takes effect at a set time; this marks the old one retired soon after (reads never
    // wait for it: "in force" is decided by the dates).
    app.kernel.jobs.every('catalogue.supersede', 300, async (tx) => {
      await supersedeDueVersions(tx);
    });
  },
  { name: 'catalogue', dependencies: ['identity', 'regions', 'departments'] },
);

import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { oidcMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { clientRoutes } from './clients-routes';
import { purgeExpiredPayloads } from './clients-repo';
import { mountProvider } from './mount';
import { createProvider } from './provider';

export { OIDC_MOUNT_PATH } from './provider';

let isRegistered = false;

/** OpenID Connect provider at <PUBLIC_URL>/oidc (一次认证,全网通办) and the registry of client systems. */
export default fp(
  async function oidc(app: FastifyInstance) {
    if (!isRegistered) {
      registerMessages(oidcMessages);
      isRegistered = true;
    }
    const provider = await createProvider(app.kernel);
    provider.on('server_error', (_ctx, error) => app.log.error({ err: error }, 'OpenID provider error'));
    clientRoutes(app);
    await mountProvider(app, provider);
    // Expired codes, tokens, sessions and interactions read as absent at once; the rows go here.
    app.kernel.jobs.every('oidc.purge-expired', 3600, (tx) => purgeExpiredPayloads(tx));
  },
  { name: 'oidc', dependencies: ['identity'] },
);

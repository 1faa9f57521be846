import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** OpenID Connect provider at <PUBLIC_URL>/oidc (一次认证,全网通办) and the registry of client systems. */
export default fp(
  async function oidc(_app: FastifyInstance) {
    // provider and admin routes
  },
  { name: 'oidc', dependencies: ['identity'] },
);

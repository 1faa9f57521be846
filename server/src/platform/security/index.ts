import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { securityMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { securityRoutes } from './routes';

registerMessages(securityMessages);

/** Security policy (second factor for all staff, …) managed by the security admin; outbox inspection. */
export default fp(
  async function security(app: FastifyInstance) {
    securityRoutes(app);
  },
  { name: 'security', dependencies: ['identity'] },
);

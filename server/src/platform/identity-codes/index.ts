import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { identityCodesMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { identityCodeRoutes } from './routes';

// Other domains react to the outbox events identity-code.reset {holderKind, holderId, revokedAliasId, resetAt} and
// identity-code.scanned {scanId, holderKind, holderId, departmentId, purpose}.

registerMessages(identityCodesMessages);

/** 一人一码 / 一企一码: dynamic signed codes for holders and a consent-based scan API for halls and partners. */
export default fp(
  async function identityCodes(app: FastifyInstance) {
    identityCodeRoutes(app);
  },
  { name: 'identity-codes', dependencies: ['identity', 'departments'] },
);

import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { sealsMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { sealRoutes } from './routes';

// Other domains react to the outbox events seal.created {id, departmentId, kind, keyId} and
// seal.revoked {id, departmentId, kind, keyId, revokedAt}.

export { findSealByKey, sealFor, signWithSeal, verifyWithSeal, withSealSigner, type Seal, type SealSignature, type SealSigner, type SealVerdict } from './signing';
export { sealFace, sealSvg, stampSeal } from './image';
export { createSeal } from './service';

registerMessages(sealsMessages);

/** 电子印章: department seals (SM2 key pair + generated image), managed by the security admin; public keys for verifiers. */
export default fp(
  async function seals(app: FastifyInstance) {
    sealRoutes(app);
  },
  { name: 'seals', dependencies: ['identity', 'departments'] },
);

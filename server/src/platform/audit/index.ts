import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { auditMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { writeCheckpoint } from '../../kernel/audit';
import { auditTrailRoutes, dataAccessRoutes } from './routes';

registerMessages(auditMessages);

/** Auditor screens' API: search and export the audit trail, verify the chain; citizens' data-use tracker. */
export default fp(
  async function auditTrail(app: FastifyInstance) {
    // Its own scope, so the hook that records refused attempts applies to the audit-trail routes only.
    await app.register(auditTrailRoutes);
    dataAccessRoutes(app);
    const { config, keys } = app.kernel;
    // Use the job's own transaction: on PGlite there is one connection, and the job runner holds it.
    app.kernel.jobs.every('audit.checkpoint', config.auditCheckpointMinutes * 60, async (tx) => {
      await writeCheckpoint(tx, { secretsKey: keys.secrets, dir: config.auditCheckpointDir });
    });
  },
  { name: 'audit-trail', dependencies: ['identity'] },
);

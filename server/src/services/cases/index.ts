import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { casesMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { fileStoreFor } from '../../kernel/files';
import { createCasesContext } from './context';
import { caseRoutes } from './routes';
import { staffCaseRoutes } from './staff-routes';

// Other domains react to the outbox events case.submitted, case.completed {caseId, caseNumber, itemVersionId, serviceItemId, basicCode, itemName, departmentId, channel, applicant {type, accountId, enterpriseId, name, sealed ID number or credit code}, result},
// case.refused, case.withdrawn, case.transferred, and the notices notification.sms / notification.email.

registerMessages(casesMessages);

/** Cases (办件): online applications, the comprehensive window, processing, deadlines, results and notices. */
export default fp(
  async function cases(app: FastifyInstance) {
    const ctx = createCasesContext(app.kernel, fileStoreFor(app.kernel.config));
    caseRoutes(app, ctx);
    staffCaseRoutes(app, ctx);
  },
  { name: 'cases', dependencies: ['identity', 'regions', 'departments', 'calendar', 'catalogue'] },
);

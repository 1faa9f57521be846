import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { dataExchangeMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { QuotaLedger, RateLimiter } from './limits';
import { queryRoutes } from './query-routes';
import { exchangeRoutes } from './routes';
import { SEAL_INTERVAL_SECONDS, SEAL_JOB, sealCalls } from './seal';

// Other domains react to the outbox events share-request.submitted / .forwarded (to the provider) / .approved /
// .refused / .withdrawn {id, number, action, from, to, note, resourceCode, grantId, consumerDepartmentId,
// providerDepartmentId}; share-demand.filed / .answered; exchange-grant.revoked; exchange-client.created / .rotated /
// .revoked — ids, never personal data. See README.md "For other domains".

// For the lead's metrics page (数据指标): call volumes and latencies, 共享需求满足率.
export { exchangeStatistics, demandSatisfaction } from './statistics';
// The call log's chain, for an operator's CLI (`zt exchange-verify`) and tests.
export { verifyCallChain, sealCalls, sealAllCalls } from './seal';
// The demo city walks the workflow through the same functions as staff.
export { submitShareRequest } from './request-submit';
export { reviewShareRequest, answerShareRequest, withdrawShareRequest } from './request-decide';
export { fileShareDemand, answerShareDemand } from './demands';
export { createClient } from './clients';
export { exchangeQuery, type ExchangeRuntime } from './query';
export { QuotaLedger, RateLimiter } from './limits';

registerMessages(dataExchangeMessages);

/** 共享交换: share requests and demands, approvals, client credentials, the query API and its call log. */
export default fp(
  async function exchange(app: FastifyInstance) {
    const runtime = { rate: new RateLimiter(), quota: new QuotaLedger() };
    exchangeRoutes(app);
    queryRoutes(app, runtime);
    // The call log is chained in batches a few seconds behind the calls (decision 0010); one sealer at a time.
    app.kernel.jobs.every(SEAL_JOB, SEAL_INTERVAL_SECONDS, async (tx) => {
      await sealCalls(tx, 20_000);
    });
  },
  { name: 'data-exchange', dependencies: ['identity', 'departments', 'data-catalogue'] },
);

import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { dataAggregateMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { aggregateRoutes } from './routes';

// Other domains react to the outbox event aggregate.queried {queryId, departmentId, resourceId, epsilonSpent,
// groupsReturned, groupsSuppressed} (an answered query; refusals are in the log and the audit trail only).

// The demo city registers its resources and budgets through the same functions as the platform's staff.
export { aggregateCandidate, registerAggregateResource, updateAggregateResource } from './registrations';
export { setBudget as setAggregateBudget } from './budgets';
export { runAggregateQuery } from './query';

registerMessages(dataAggregateMessages);

/** 可用不可见: aggregate-only queries with k-anonymity thresholds, discrete-Laplace noise and privacy budgets. */
export default fp(
  async function aggregate(app: FastifyInstance) {
    aggregateRoutes(app);
  },
  { name: 'data-aggregate', dependencies: ['identity', 'departments', 'data-catalogue'] },
);

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { outboxEventPage, outboxEventQuery, securityPolicyInput, securityPolicyView } from '@zhengtong/contracts';
import { getSecurityPolicy, updateSecurityPolicy } from './policy';
import { listOutboxEvents } from './outbox-events';

export function securityRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/security-policy', {
    config: { access: 'security.policy' },
    schema: { tags: ['security'], summary: '安全策略 (security admin)', response: { 200: securityPolicyView } },
  }, async (req) => getSecurityPolicy(kernel, { actor: req.actor }));

  r.put('/api/security-policy', {
    config: { access: 'security.policy' },
    schema: { tags: ['security'], summary: '修改安全策略 (send the version you read)', body: securityPolicyInput, response: { 200: securityPolicyView } },
  }, async (req) => updateSecurityPolicy(kernel, { actor: req.actor, input: req.body }));

  r.get('/api/outbox-events', {
    config: { access: 'outbox.read' },
    schema: { tags: ['operations'], summary: '消息发件箱 (pending / processed / failed; personal data masked)', querystring: outboxEventQuery, response: { 200: outboxEventPage } },
  }, async (req) => listOutboxEvents(kernel, { actor: req.actor, query: req.query }));
}

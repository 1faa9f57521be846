import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createOidcClientInput,
  createdOidcClientView,
  oidcClientIdSchema,
  oidcClientListQuery,
  oidcClientView,
  pageOf,
  rotateOidcClientSecretInput,
  rotatedOidcClientSecret,
  updateOidcClientInput,
} from '@zhengtong/contracts';
import { createOidcClient, getOidcClient, listOidcClients, rotateOidcClientSecret, updateOidcClient } from './clients-service';

const tags = ['oidc-clients'];
const clientParam = z.object({ clientId: oidcClientIdSchema });

/** Registry of client systems that sign people in through Zhengtong (system admin; 三员分立: not the auditor). */
export function clientRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/oidc-clients', {
    config: { access: 'oidc-client.manage' },
    schema: { tags, summary: '接入系统列表 (single sign-on clients in my region)', querystring: oidcClientListQuery, response: { 200: pageOf(oidcClientView) } },
  }, async (req) => listOidcClients(kernel, { actor: req.actor, query: req.query }));

  // Not idempotent on purpose: a replayed response would have to store the new secret in clear.
  r.post('/api/oidc-clients', {
    config: { access: 'oidc-client.manage' },
    schema: { tags, summary: '登记接入系统 (the client secret is returned this once)', body: createOidcClientInput, response: { 201: createdOidcClientView } },
  }, async (req, reply) => {
    reply.status(201).header('cache-control', 'no-store');
    return createOidcClient(kernel, { actor: req.actor, input: req.body });
  });

  r.get('/api/oidc-clients/:clientId', {
    config: { access: 'oidc-client.manage' },
    schema: { tags, summary: '接入系统详情 (never the secret)', params: clientParam, response: { 200: oidcClientView } },
  }, async (req) => getOidcClient(kernel, { actor: req.actor, clientId: req.params.clientId }));

  r.patch('/api/oidc-clients/:clientId', {
    config: { access: 'oidc-client.manage' },
    schema: { tags, summary: '修改接入系统 (optimistic: send the version you read; deactivating revokes its tokens)', params: clientParam, body: updateOidcClientInput, response: { 200: oidcClientView } },
  }, async (req) => updateOidcClient(kernel, { actor: req.actor, clientId: req.params.clientId, input: req.body }));

  r.post('/api/oidc-clients/:clientId/rotate-secret', {
    config: { access: 'oidc-client.manage' },
    schema: { tags, summary: '重置客户端密钥 (the old secret stops working; the new one is returned this once)', params: clientParam, body: rotateOidcClientSecretInput, response: { 200: rotatedOidcClientSecret } },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return rotateOidcClientSecret(kernel, { actor: req.actor, clientId: req.params.clientId, version: req.body.version });
  });
}

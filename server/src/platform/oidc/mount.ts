import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type Provider from 'oidc-provider';
import { interactionRoutes } from './interactions';
import { OIDC_MOUNT_PATH } from './provider';
import { rememberRequest } from './request-sso';

type MountedRequest = IncomingMessage & { originalUrl?: string };

/**
 * Serves the provider (a Koa application) under /oidc. It runs in its own encapsulated Fastify context whose
 * only body "parser" leaves the request stream untouched, because the provider reads and checks bodies itself.
 */
export async function mountProvider(app: FastifyInstance, provider: Provider): Promise<void> {
  const handle = provider.callback();
  const issuer = new URL(provider.issuer);

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));

    interactionRoutes(scope, provider);

    scope.all(`${OIDC_MOUNT_PATH}/*`, { schema: { hide: true } }, async (req, reply) => {
      reply.hijack();
      rememberRequest(req.raw, { actor: req.actor, session: req.session });
      const raw: MountedRequest = req.raw;
      const url = raw.url ?? OIDC_MOUNT_PATH;
      const rest = url.slice(OIDC_MOUNT_PATH.length);
      // The provider routes on the path below its mount and finds the mount again from originalUrl.
      raw.originalUrl = url;
      raw.url = rest.startsWith('/') ? rest : `/${rest}`;
      // Endpoints and cookies are those of the issuer, whatever Host a proxy or client sent.
      raw.headers['x-forwarded-host'] = issuer.host;
      raw.headers['x-forwarded-proto'] = issuer.protocol.slice(0, -1);
      try {
        await handle(raw, reply.raw);
      } finally {
        raw.url = url;
      }
    });
  });
}

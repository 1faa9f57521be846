import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './kernel/config';
import { migrate, openDatabase, sql, type Database } from './kernel/db';
import { deriveKeys, loadMasterKey } from './kernel/keys';
import { Outbox } from './kernel/outbox';
import { JobRunner } from './kernel/jobs';
import type { Kernel } from './kernel/context';
import { pickLocale } from './kernel/i18n';
import { registerIdempotency, registerOriginCheck, registerProblemHandlers, registerRouteGuard } from './kernel/http';
import { SESSION_COOKIE } from './platform/identity';
import { platformPlugins } from './platform';
import { dataPlugins } from './data';
import { servicePlugins } from './services';

declare module 'fastify' {
  interface FastifyInstance {
    kernel: Kernel;
  }
}

export type BuildOptions = {
  /** An already open database (tests share a migrated snapshot); otherwise opened from config. */
  database?: Database;
  /** Skip migrations (the caller already ran them). */
  isMigrated?: boolean;
  masterKeyHex?: string;
  logger?: boolean;
};

/** Builds the whole server; never listens (main.ts does, tests use app.inject). */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  if (!options.isMigrated) await migrate(database);
  const isEphemeral = config.databaseUrl === 'memory://';
  const master = loadMasterKey({ dataDir: config.dataDir, masterKeyHex: options.masterKeyHex ?? process.env.MASTER_KEY, ephemeral: isEphemeral });
  const kernel: Kernel = {
    db: database.db,
    dbKind: database.kind,
    config,
    keys: deriveKeys(master),
    outbox: new Outbox(database.db),
    jobs: new JobRunner(database.db, `${process.pid}-${crypto.randomUUID().slice(0, 8)}`),
  };

  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    genReqId: () => crypto.randomUUID(),
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('kernel', kernel);
  app.decorateRequest('locale', 'zh-CN');
  // Set per request in onRequest below; a reference-type default would be shared between requests.
  app.decorateRequest('actor', undefined as unknown as Extract<FastifyRequest['actor'], { kind: 'account' }>);
  app.addHook('onRequest', async (req) => {
    const query = req.query as Record<string, unknown> | undefined;
    req.locale = pickLocale(req.headers['accept-language'], typeof query?.lang === 'string' ? query.lang : undefined);
    req.actor = { kind: 'anonymous', context: { ip: req.ip, requestId: String(req.id), locale: req.locale } };
  });

  const webDist = config.webDist ?? path.resolve(import.meta.dirname, '../../web/dist');
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  registerProblemHandlers(app, { spaIndexHtml: hasWeb ? fs.readFileSync(path.join(webDist, 'index.html')) : undefined });
  await app.register(cookie);
  // Off by default; routes that need it (sign-in, registration) opt in through config.rateLimit.
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '政通 Zhengtong API', version: config.version, description: '数字政府一体化平台 — integrated digital-government platform' },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
          // Other systems calling the sharing exchange with their department's client credentials (data/exchange).
          exchangeClient: { type: 'http', scheme: 'basic' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerOriginCheck(app, { publicUrl: config.publicUrl, cookieName: SESSION_COOKIE });
  registerRouteGuard(app, { guardedPrefixes: ['/api/'] });
  registerIdempotency(app, kernel.db);

  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['platform'], summary: 'Liveness and database check' } }, async () => {
    await sql`select 1`.execute(kernel.db);
    return { status: 'ok', db: kernel.dbKind, version: config.version };
  });

  for (const plugin of platformPlugins) await app.register(plugin);
  for (const plugin of dataPlugins) await app.register(plugin);
  for (const plugin of servicePlugins) await app.register(plugin);

  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h', immutable: true });
  }

  app.addHook('onClose', async () => {
    await database.close();
  });
  await kernel.jobs.ensureRecurring();
  return app;
}

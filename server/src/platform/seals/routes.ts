import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createSealInput, pageOf, revokeSealInput, sealListQuery, sealPublicKeyList, sealView } from '@zhengtong/contracts';
import { createSeal, getSeal, listSeals, revokeSeal } from './service';
import { listPublicKeys, sealImage } from './public-keys';

const tags = ['seals'];
const idParam = z.object({ id: z.uuid('invalid_format') });
const svgFile = z.string().meta({ description: 'SVG image (image/svg+xml)' });

export function sealRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;

  r.get('/api/seals/public-keys', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '电子印章公钥列表(公开,供离线核验:SM2 + SM3,默认用户标识 1234567812345678,DER 签名;含已注销印章及注销时间)',
      response: { 200: sealPublicKeyList },
    },
  }, async (_req, reply) => {
    // Verifiers poll this; a few minutes' staleness is fine, a revocation shows within that time.
    reply.header('cache-control', 'public, max-age=300');
    return listPublicKeys(kernel);
  });

  r.get('/api/seals/:id/image.svg', {
    config: { access: 'public' },
    schema: { tags, summary: '电子印章印模图像(SVG,由印章名称生成)', params: idParam, produces: ['image/svg+xml'], response: { 200: svgFile } },
  }, async (req, reply) => {
    const svg = await sealImage(kernel, req.params.id);
    return reply
      .type('image/svg+xml; charset=utf-8')
      // A seal's name and kind never change, so neither does its image.
      .header('cache-control', 'public, max-age=86400')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('x-content-type-options', 'nosniff')
      .send(svg);
  });

  r.get('/api/seals', {
    config: { access: 'seal.manage' },
    schema: { tags, summary: '电子印章列表(本区划各部门;在用在前)', querystring: sealListQuery, response: { 200: pageOf(sealView) } },
  }, async (req) => listSeals(kernel, { actor: req.actor, query: req.query }));

  r.get('/api/seals/:id', {
    config: { access: 'seal.manage' },
    schema: { tags, summary: '电子印章详情', params: idParam, response: { 200: sealView } },
  }, async (req) => getSeal(kernel, { actor: req.actor, id: req.params.id }));

  r.post('/api/seals', {
    config: { access: 'seal.manage', idempotent: true },
    schema: {
      tags,
      summary: '制作电子印章(生成 SM2 密钥对;每个部门每类印章只能有一枚在用;支持 Idempotency-Key)',
      body: createSealInput,
      response: { 201: sealView },
    },
  }, async (req, reply) => {
    reply.status(201);
    return createSeal(kernel, { actor: req.actor, input: req.body });
  });

  r.post('/api/seals/:id/revoke', {
    config: { access: 'seal.manage' },
    schema: { tags, summary: '注销电子印章(填写原因;此后不能再用印,公钥仍公开以便核验旧文书)', params: idParam, body: revokeSealInput, response: { 200: sealView } },
  }, async (req) => revokeSeal(kernel, { actor: req.actor, id: req.params.id, input: req.body }));
}

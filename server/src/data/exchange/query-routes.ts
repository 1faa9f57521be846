import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exchangeQueryInput, exchangeQueryResult } from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import { exchangeQuery, type ExchangeRuntime } from './query';

// The query API other systems call. Declared public to the route guard: it authenticates the calling system itself
// (client credentials, not a session), and a body that fails the schema is still logged and answered after the
// credentials are checked (attachValidation), so 401 comes before 400 and no call escapes the log.

const description = [
  '共享交换查询接口(供其他系统调用)。按授权返回信息项,个人信息按授权脱敏;每次调用(含被拒绝的)均记入防篡改调用日志。',
  '',
  '**认证**:接口凭证(在“共享交换 → 授权与凭证”中创建),二选一:',
  '- HTTP Basic:`Authorization: Basic base64(<client id>:<secret>)`',
  '- 请求头:`X-Client-Id: <client id>` 与 `X-Client-Secret: <secret>`',
  '',
  '**批量**:`keys` 一次 1–100 个查询值(资源的主键字段,如身份证号、统一社会信用代码)。',
  '',
  '**错误**(application/problem+json):400 请求有误;401 凭证无效、已注销或已轮换;403 无有效授权、授权已到期、信息项未授权、资源已停用;429 超过每秒频率限制或当日配额。',
].join('\n');

export function queryRoutes(app: FastifyInstance, runtime: ExchangeRuntime): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/exchange/query', {
    config: { access: 'public' },
    attachValidation: true,
    schema: {
      tags: ['exchange'],
      summary: '按主键查询共享数据(接口凭证认证;批量 ≤ 100;仅返回授权信息项并按授权脱敏;每次调用留痕)',
      description,
      security: [{ exchangeClient: [] }],
      body: exchangeQueryInput,
      response: { 200: exchangeQueryResult },
    },
  }, async (req, reply) => {
    const startedAt = performance.now();
    // No caching anywhere between: the answer holds personal data read under one call's grant.
    reply.header('cache-control', 'no-store');
    try {
      return await exchangeQuery(app.kernel, runtime, {
        headers: req.headers,
        body: req.validationError ? undefined : req.body,
        validationError: req.validationError,
        rawBody: req.body,
        ip: req.ip,
        requestId: String(req.id),
        startedAt,
      });
    } catch (error) {
      if (error instanceof AppError && error.status === 401) reply.header('www-authenticate', 'Basic realm="zhengtong-exchange", charset="UTF-8"');
      throw error;
    }
  });
}

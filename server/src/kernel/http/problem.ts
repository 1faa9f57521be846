import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorTitle, type ErrorCode, type FieldError, type Locale, type Problem } from '@zhengtong/contracts';
import { AppError } from '../errors';
import { translate } from '../i18n';

function localeOf(req: FastifyRequest): Locale {
  return req.locale ?? 'zh-CN';
}

export function problemBody(req: FastifyRequest, code: ErrorCode, status: number, extra: { detail?: string; errors?: FieldError[] } = {}): Problem {
  return {
    type: `https://zhengtong.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: errorTitle(code, localeOf(req)),
    status,
    code,
    ...(extra.detail ? { detail: extra.detail } : {}),
    instance: req.url.split('?')[0],
    requestId: String(req.id),
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
  };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, status: number, extra: { detail?: string; errors?: FieldError[] } = {}) {
  return reply.status(status).type('application/problem+json; charset=utf-8').send(problemBody(req, code, status, extra));
}

/** Maps every error to RFC 9457 problem+json; 5xx bodies say nothing about the inside. */
export function registerProblemHandlers(app: FastifyInstance, options: { spaIndexHtml?: Buffer } = {}): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, req, reply) => {
    const locale = localeOf(req);
    if (error instanceof AppError) {
      const errors = error.fields.map((f) => ({ field: f.field, code: f.code, message: translate(f.code, locale) }));
      const detail = error.detailKey ? translate(error.detailKey, locale, error.params) : undefined;
      if (error.status >= 500) req.log.error({ err: error }, 'application error');
      return sendProblem(req, reply, error.code, error.status, { detail, errors });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors = error.validation.map((v) => {
        const isMissing = v.keyword === 'invalid_type' && /received undefined/.test(v.message ?? '');
        const message = v.message ?? '';
        // Our schemas put a message key in the issue; zod's own English sentences fall back to the issue kind.
        const code = isMissing ? 'required' : translate(message, locale) !== message ? message : v.keyword;
        const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || where;
        return { field, code, message: translate(code, locale) };
      });
      return sendProblem(req, reply, 'VALIDATION_FAILED', 400, { errors });
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(req, reply, 'INTERNAL', 500);
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) return sendProblem(req, reply, 'PAYLOAD_TOO_LARGE', 413);
    if (status === 415) return sendProblem(req, reply, 'UNSUPPORTED_MEDIA_TYPE', 415);
    if (status === 429) return sendProblem(req, reply, 'RATE_LIMITED', 429);
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx (bad JSON, wrong content type, …): a plain reason, in the reader's language.
      return sendProblem(req, reply, 'BAD_REQUEST', status, { detail: locale === 'zh-CN' ? undefined : error.message });
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, 'INTERNAL', 500);
  });

  const spa = options.spaIndexHtml;
  app.setNotFoundHandler((req, reply) => {
    // The SPA owns every other GET path (client-side routing); API and protocol paths keep problem+json 404s.
    const isSpaPath = spa && req.method === 'GET' && !/^\/(api|oidc|open311)(\/|$)/.test(req.url);
    if (isSpaPath) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(spa);
    return sendProblem(req, reply, 'ROUTE_NOT_FOUND', 404);
  });
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CKAN_ACTION_HELP, CkanError, isCkanAction, runCkanAction, type CkanParams } from './ckan-actions';
import { CkanQueryError } from './ckan-query';

// /api/3/action/<name>: CKAN's Action API for CKAN clients (ckanapi, ckanr …) and harvesters (ckanext-harvest).
// Public, read-only, GET with query parameters or POST with a JSON (or form) body. Every answer is CKAN's envelope:
// { help, success: true, result } or { help, success: false, error: { __type, message | field errors } } with CKAN's
// status codes (400 bad request or query, 404 not found, 409 validation, 500); never problem+json here, since CKAN
// clients read `success` and `error.__type`.

const actionParam = z.object({ action: z.string().max(100) });

function helpUrl(base: string, action: string): string {
  return `${base}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
}

class CkanBadRequest extends Error {}

/** CKAN's _get_request_data: repeated query keys become lists, a JSON or form body must be an object. */
function paramsOf(req: FastifyRequest): CkanParams {
  if (req.method === 'GET') return { ...(req.query as Record<string, unknown>) };
  const body = req.body;
  if (body === undefined || body === null || body === '') return { ...(req.query as Record<string, unknown>) };
  if (typeof body !== 'object' || Array.isArray(body)) throw new CkanBadRequest(`Bad request data: Request data JSON decoded to ${JSON.stringify(body)} but it needs to be a dictionary.`);
  return body as CkanParams;
}

function send(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  // Open data: any site may read it from a browser (no cookies involved).
  return reply.status(status).header('access-control-allow-origin', '*').type('application/json; charset=utf-8').send(JSON.stringify(body));
}

export function ckanRoutes(app: FastifyInstance): void {
  app.register(async (scope) => {
    const kernel = app.kernel;
    // CKAN accepts form posts too (a single field holding JSON, or plain fields).
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      const form = new URLSearchParams(String(body));
      const entries = [...form.entries()];
      const [only] = entries;
      if (entries.length === 1 && only && (only[1] === '' || only[1] === '1')) {
        try {
          done(null, JSON.parse(only[0]));
          return;
        } catch {
          // not JSON: plain fields
        }
      }
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of entries) {
        const had = out[k];
        out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
      }
      done(null, out);
    });

    scope.setErrorHandler((error: FastifyError | Error, req, reply) => {
      const action = (req.params as { action?: string } | undefined)?.action ?? '';
      const envelope = { help: helpUrl(kernel.config.publicUrl, action), success: false };
      if (error instanceof CkanError) return send(reply, error.status, { ...envelope, error: { __type: error.type, ...error.detail } });
      if (error instanceof CkanQueryError) return send(reply, 400, { ...envelope, error: { __type: 'Search Query Error', message: `Search Query is invalid: ${JSON.stringify(error.message)}` } });
      if (error instanceof CkanBadRequest) return send(reply, 400, `Bad request - ${error.message}`);
      const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
      if (status >= 400 && status < 500) return send(reply, 400, `Bad request - JSON Error: ${error.message}`);
      req.log.error({ err: error }, 'CKAN action failed');
      return send(reply, 500, { ...envelope, error: { __type: 'Internal Server Error', message: 'Internal Server Error' } });
    });

    const r = scope.withTypeProvider<ZodTypeProvider>();
    const handler = async (req: FastifyRequest<{ Params: { action: string } }>, reply: FastifyReply) => {
      const { action } = req.params;
      if (!isCkanAction(action)) return send(reply, 400, `Bad request - Action name not known: ${action}`);
      const result = await runCkanAction(kernel, action, paramsOf(req), req.locale);
      return send(reply, 200, { help: helpUrl(kernel.config.publicUrl, action), success: true, result });
    };
    const schema = {
      tags: ['ckan'],
      summary: `CKAN Action API v3(只读,兼容 CKAN 客户端与采集器):${Object.keys(CKAN_ACTION_HELP).join('、')}`,
      params: actionParam,
    };
    r.get('/api/3/action/:action', { config: { access: 'public' }, schema }, handler);
    r.post('/api/3/action/:action', { config: { access: 'public' }, schema }, handler);
    r.get('/api/3', { config: { access: 'public' }, schema: { tags: ['ckan'], summary: 'CKAN API 版本' } }, async (_req, reply) => send(reply, 200, { version: 3 }));
  });
}

import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie sessions are sent by browsers on cross-site requests too; refuse state-changing requests whose Origin
 * is another site. Bearer-token clients (other systems) send no cookie and are not affected.
 */
export function registerOriginCheck(app: FastifyInstance, options: { publicUrl: string; cookieName: string }): void {
  const allowed = new URL(options.publicUrl).host;
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method)) return;
    if (!req.headers.cookie?.includes(`${options.cookieName}=`)) return;
    const origin = req.headers.origin ?? req.headers.referer;
    if (!origin) return;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('CSRF_REJECTED');
    }
    if (host !== allowed && host !== req.headers.host) throw new AppError('CSRF_REJECTED');
  });
}

import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';
import { hasPermission } from '../authz';
import './fastify-types';

/**
 * Every API route must say who may call it (`config.access`); a route that forgets fails at start-up rather
 * than being open by accident.
 */
export function registerRouteGuard(app: FastifyInstance, options: { guardedPrefixes: string[] }): void {
  app.addHook('onRoute', (route) => {
    const isGuarded = options.guardedPrefixes.some((p) => route.url.startsWith(p));
    const access = route.config?.access;
    if (isGuarded && !access) throw new Error(`route ${route.method} ${route.url} declares no config.access`);
  });

  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const actor = req.actor;
    if (actor.kind === 'anonymous') throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (actor.kind === 'account' && actor.stage !== 'full' && !req.routeOptions.config?.allowDuringSetup) {
      throw new AppError(actor.stage === 'password-change' ? 'PASSWORD_CHANGE_REQUIRED' : 'TOTP_SETUP_REQUIRED');
    }
    if (access === 'authenticated') return;
    if (!hasPermission(actor, access)) throw new AppError('FORBIDDEN');
  });
}

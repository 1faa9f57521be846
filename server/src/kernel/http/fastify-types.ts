import type { Locale, Permission } from '@zhengtong/contracts';
import type { Actor } from '../authz';

/** What a route may declare: a permission, or that it is public / needs only a signed-in account. */
export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Writes that a client may retry: an Idempotency-Key header replays the first response. */
    idempotent?: boolean;
    /** Reachable by a session that still has to change its initial password or enrol TOTP. */
    allowDuringSetup?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    /** A session token came with the request but its session had ended (idle timeout, logout elsewhere). */
    sessionExpired?: boolean;
  }
}

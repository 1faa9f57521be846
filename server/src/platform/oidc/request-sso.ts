import type { IncomingMessage } from 'node:http';
import type { Actor } from '../../kernel/authz';
import type { ResolvedSession } from '../identity';

/** What Fastify already knows about a request when it hands the raw request to the provider (Koa). */
export type RequestSso = {
  /** Who is asking: the signed-in account, or anonymous with the request's IP and id (for audit records). */
  actor: Actor;
  /** The Zhengtong session behind the zt_session cookie, when it is valid and fully set up. */
  session: ResolvedSession | undefined;
};

const byRequest = new WeakMap<IncomingMessage, RequestSso>();

export function rememberRequest(raw: IncomingMessage, sso: RequestSso): void {
  byRequest.set(raw, sso);
}

export function ssoOf(raw: IncomingMessage): RequestSso | undefined {
  return byRequest.get(raw);
}

/** Only a session past its first-sign-in steps (initial password, TOTP enrolment) may sign in to other systems. */
export function usableSession(session: ResolvedSession | undefined): ResolvedSession | undefined {
  return session && session.actor.stage === 'full' ? session : undefined;
}

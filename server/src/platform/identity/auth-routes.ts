import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordInput, loginInput, loginResult, meView, registerCitizenInput, registerEnterpriseInput, totpConfirmInput, totpSetupView, actAsInput, sessionStages } from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import type { AccountActor, AnonymousActor } from '../../kernel/authz';
import { login, logout, logoutEverywhere } from './login';
import { changePassword, confirmTotp, startTotpSetup } from './setup';
import { registerCitizen, registerEnterprise } from './registration';
import { resolveSession, SESSION_COOKIE } from './sessions';
import { toMeView } from './me';
import { actAs } from './agents';

const tags = ['auth'];

function accountActor(actor: unknown): AccountActor {
  const a = actor as AccountActor | AnonymousActor;
  if (a.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  return a;
}

export function authRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kernel = app.kernel;
  const isSecure = kernel.config.publicUrl.startsWith('https://');
  // Per client IP, against password spraying across many accounts (the per-account lockout covers one account).
  const perMinute = kernel.config.authRateLimitPerMinute;
  const limited = perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: '1 minute' } } : {};

  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure });

  const respondWithSession = async (reply: FastifyReply, token: string, context: AnonymousActor['context']) => {
    const session = await resolveSession(kernel, token, context);
    if (!session || session === 'expired') throw new AppError('INTERNAL');
    setCookie(reply, token);
    return { token, me: toMeView(session) };
  };

  r.post('/api/auth/login', {
    config: { access: 'public', ...limited },
    schema: { tags, summary: '账号密码登录 (staff may need a TOTP code)', body: loginInput, response: { 200: loginResult } },
  }, async (req, reply) => {
    const actor = req.actor as AnonymousActor;
    const outcome = await login(kernel, { actor, input: req.body, userAgent: req.headers['user-agent'] ?? null });
    return respondWithSession(reply, outcome.token, actor.context);
  });

  r.post('/api/auth/logout', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: { tags, summary: '退出登录', response: { 204: z.null() } },
  }, async (req, reply) => {
    await logout(kernel, { actor: accountActor(req.actor) });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.post('/api/auth/logout-everywhere', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: { tags, summary: '在所有设备上退出', response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = accountActor(req.actor);
    await logoutEverywhere(kernel, { actor, accountId: actor.accountId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.get('/api/me', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: { tags, summary: '当前登录账号', response: { 200: meView } },
  }, async (req) => {
    const session = req.session;
    if (!session) throw new AppError('UNAUTHENTICATED');
    return toMeView(session);
  });

  r.post('/api/auth/password', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: { tags, summary: '修改密码', body: changePasswordInput, response: { 200: z.object({ stage: z.enum(sessionStages) }) } },
  }, async (req) => changePassword(kernel, { actor: accountActor(req.actor), input: req.body }));

  r.post('/api/auth/totp/setup', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: { tags, summary: '开始绑定动态验证码 (TOTP)', response: { 200: totpSetupView } },
  }, async (req) => startTotpSetup(kernel, { actor: accountActor(req.actor) }));

  r.post('/api/auth/totp/confirm', {
    config: { access: 'authenticated', allowDuringSetup: true },
    schema: { tags, summary: '确认动态验证码,启用双因素认证', body: totpConfirmInput, response: { 200: z.object({ stage: z.enum(sessionStages) }) } },
  }, async (req) => confirmTotp(kernel, { actor: accountActor(req.actor), input: req.body }));

  r.post('/api/auth/act-as', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '以经办人身份代理企业办事 (or stop: enterpriseId null)', body: actAsInput, response: { 200: meView } },
  }, async (req) => {
    const actor = accountActor(req.actor);
    await actAs(kernel, { actor, enterpriseId: req.body.enterpriseId });
    const token = req.sessionToken;
    const session = token ? await resolveSession(kernel, token, actor.context) : undefined;
    if (!session || session === 'expired') throw new AppError('UNAUTHENTICATED');
    return toMeView(session);
  });

  r.post('/api/registrations/citizen', {
    config: { access: 'public', ...limited },
    schema: { tags: ['registration'], summary: '个人注册 (real name + 身份证号)', body: registerCitizenInput, response: { 201: loginResult } },
  }, async (req, reply) => {
    const actor = req.actor as AnonymousActor;
    await registerCitizen(kernel, { actor, input: req.body });
    const outcome = await login(kernel, { actor, input: { username: req.body.idNumber, password: req.body.password }, userAgent: req.headers['user-agent'] ?? null });
    reply.status(201);
    return respondWithSession(reply, outcome.token, actor.context);
  });

  r.post('/api/registrations/enterprise', {
    config: { access: 'public', ...limited },
    schema: { tags: ['registration'], summary: '企业注册 (统一社会信用代码 + 法定代表人)', body: registerEnterpriseInput, response: { 201: loginResult } },
  }, async (req, reply) => {
    const actor = req.actor as AnonymousActor;
    await registerEnterprise(kernel, { actor, input: req.body });
    const outcome = await login(kernel, { actor, input: { username: req.body.creditCode, password: req.body.password }, userAgent: req.headers['user-agent'] ?? null });
    reply.status(201);
    return respondWithSession(reply, outcome.token, actor.context);
  });
}

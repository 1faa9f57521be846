import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import type { Locale } from '@zhengtong/contracts';
import { pickLocale } from '../../kernel/i18n';

// The provider's own pages (errors, sign-out): plain server-rendered HTML, since they must work for a browser
// arriving from another system before the SPA is involved.

const text = {
  'zh-CN': {
    brand: '政通 · 统一身份认证',
    errorTitle: '无法完成登录',
    errorHint: '请回到您原来使用的系统重新发起登录;如果问题持续,请联系该系统的管理员并提供下面的错误代码。',
    errorCode: '错误代码',
    expired: '登录请求已过期或已完成,请回到原系统重新登录。',
    invalidClient: '该系统未在政通登记或已停用。',
    invalidRedirect: '该系统提供的回调地址未登记。',
    invalidRequest: '登录请求的参数不正确。',
    serverError: '系统繁忙,请稍后再试。',
    logoutTitle: '退出登录',
    logoutFrom: (client: string) => `您正在退出「${client}」。`,
    logoutEverywhere: '同时退出政通账号(所有接入系统)',
    logoutOnly: (client: string) => `仅退出「${client}」`,
    thisSystem: '该系统',
    loggedOutTitle: '您已安全退出',
    loggedOutBody: '如在公共电脑上使用,请关闭浏览器。',
    home: '返回政通首页',
  },
  'en-US': {
    brand: 'Zhengtong · Single sign-on',
    errorTitle: 'Sign-in could not be completed',
    errorHint: 'Go back to the system you came from and sign in again; if this keeps happening, tell that system’s administrator the error code below.',
    errorCode: 'Error code',
    expired: 'This sign-in request has expired or was already used; start again from the system you came from.',
    invalidClient: 'This system is not registered with Zhengtong or has been switched off.',
    invalidRedirect: 'The address this system asked to return to is not registered.',
    invalidRequest: 'The sign-in request is malformed.',
    serverError: 'Something went wrong on our side; try again later.',
    logoutTitle: 'Sign out',
    logoutFrom: (client: string) => `You are signing out of “${client}”.`,
    logoutEverywhere: 'Also sign out of Zhengtong (all connected systems)',
    logoutOnly: (client: string) => `Only sign out of “${client}”`,
    thisSystem: 'this system',
    loggedOutTitle: 'You have signed out',
    loggedOutBody: 'If this is a shared computer, close the browser.',
    home: 'Back to Zhengtong',
  },
} as const;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function localeOf(ctx: KoaContextWithOIDC): Locale {
  const uiLocales = ctx.oidc?.params?.ui_locales;
  const asked = typeof uiLocales === 'string' ? uiLocales.split(' ')[0] : undefined;
  return pickLocale(ctx.get('accept-language'), asked);
}

function page(locale: Locale, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ${escapeHtml(text[locale].brand)}</title>
<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f7fa;color:#1f1f1f;margin:0;font-size:16px;line-height:1.6}
main{max-width:28rem;margin:10vh auto;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12);padding:2rem}
.brand{color:#1677ff;font-weight:600;margin:0 0 1rem}h1{font-size:1.4rem;margin:0 0 1rem}
button,a.button{display:block;width:100%;box-sizing:border-box;font-size:1rem;padding:.7rem;margin:.6rem 0;border-radius:6px;border:1px solid #1677ff;cursor:pointer;text-align:center;text-decoration:none}
.primary{background:#1677ff;color:#fff}.secondary{background:#fff;color:#1677ff}
code{background:#f0f0f0;padding:.1rem .3rem;border-radius:4px;word-break:break-all}small{color:#595959}
</style>
</head>
<body><main><p class="brand">${escapeHtml(text[locale].brand)}</p><h1>${escapeHtml(title)}</h1>${body}</main></body>
</html>`;
}

function explain(locale: Locale, error: string, description: string | undefined): string {
  const t = text[locale];
  if (error === 'invalid_client') return t.invalidClient;
  if (error === 'invalid_redirect_uri' || description?.includes('redirect_uri')) return t.invalidRedirect;
  if (error === 'server_error') return t.serverError;
  if (description?.includes('session') || description?.includes('expired')) return t.expired;
  return t.invalidRequest;
}

/** The error page, also used by the interaction route for requests the provider no longer knows. */
export function errorPage(locale: Locale, error: string, description: string | undefined): string {
  const t = text[locale];
  return page(
    locale,
    t.errorTitle,
    `<p>${escapeHtml(explain(locale, error, description))}</p><p><small>${escapeHtml(t.errorHint)}</small></p>` +
      `<p><small>${escapeHtml(t.errorCode)}: <code>${escapeHtml(error)}</code>${description ? ` — ${escapeHtml(description)}` : ''}</small></p>`,
  );
}

export async function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): Promise<void> {
  ctx.type = 'html';
  ctx.body = errorPage(localeOf(ctx), out.error, typeof out.error_description === 'string' ? out.error_description : undefined);
}

/** Field that marks "also end the Zhengtong session"; the provider ignores fields it does not know. */
export const END_ZHENGTONG_SESSION_FIELD = 'zt_logout';

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2): the person confirms, so a link on another site
 * cannot sign them out. Two choices: leave only this system, or end the Zhengtong session and so every system.
 */
export async function logoutSource(ctx: KoaContextWithOIDC): Promise<void> {
  const locale = localeOf(ctx);
  const t = text[locale];
  const oidc = ctx.oidc;
  const secret = oidc?.session?.state?.secret ?? '';
  const action = oidc ? oidc.urlFor('end_session_confirm') : '';
  const client = oidc?.client?.clientName ?? oidc?.client?.clientId ?? t.thisSystem;
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  ctx.type = 'html';
  ctx.body = page(
    locale,
    t.logoutTitle,
    `<p>${escapeHtml(t.logoutFrom(client))}</p>` +
      `<form method="post" action="${escapeHtml(action)}">${hidden('xsrf', secret)}${hidden('logout', 'yes')}${hidden(END_ZHENGTONG_SESSION_FIELD, 'yes')}` +
      `<button class="primary" type="submit" autofocus>${escapeHtml(t.logoutEverywhere)}</button></form>` +
      `<form method="post" action="${escapeHtml(action)}">${hidden('xsrf', secret)}` +
      `<button class="secondary" type="submit">${escapeHtml(t.logoutOnly(client))}</button></form>`,
  );
}

export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  const locale = localeOf(ctx);
  const t = text[locale];
  ctx.type = 'html';
  ctx.body = page(locale, t.loggedOutTitle, `<p>${escapeHtml(t.loggedOutBody)}</p><a class="button secondary" href="/">${escapeHtml(t.home)}</a>`);
}

import { z } from 'zod';
import type { Locale } from './errors';

// Shared by browser and server: keep this file free of node: imports.

/** OpenID Connect scopes Zhengtong grants to client systems (一次认证,全网通办). */
export const oidcScopes = ['openid', 'profile', 'zhengtong'] as const;
export type OidcScope = (typeof oidcScopes)[number];

/** Which claims each scope releases. ID and phone numbers are never released. */
export const oidcScopeClaims: Record<OidcScope, readonly string[]> = {
  openid: ['sub'],
  profile: ['name'],
  zhengtong: ['account_type', 'real_name_level', 'region_code', 'department_id', 'department_name', 'credit_code'],
};

export const tokenEndpointAuthMethods = ['client_secret_basic', 'client_secret_post', 'none'] as const;
export type TokenEndpointAuthMethod = (typeof tokenEndpointAuthMethods)[number];

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a redirect URI may not be registered, or undefined when it may. OAuth 2.0 Security BCP (RFC 9700): exact
 * URIs only, no fragments (RFC 6749 §3.1.2), TLS except on the developer's own machine (RFC 8252 §7.3 loopback).
 */
export function redirectUriProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'oidcClient.redirectUriInvalid';
  }
  if (value.includes('#')) return 'oidcClient.redirectUriFragment';
  if (url.username || url.password || url.hostname.includes('*')) return 'oidcClient.redirectUriInvalid';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'oidcClient.redirectUriHttps';
}

const redirectUriSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(2000, 'too_big')
  .superRefine((value, ctx) => {
    const problem = redirectUriProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

function uriList(min: number) {
  return z
    .array(redirectUriSchema)
    .min(min, min > 0 ? 'oidcClient.redirectUrisRequired' : 'too_small')
    .max(20, 'too_big')
    .refine((uris) => new Set(uris).size === uris.length, 'oidcClient.redirectUriRepeated');
}

/** Lower-case letters, digits, dot, dash and underscore, 3–64 characters, starting and ending with a letter or digit. */
export const oidcClientIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]$/, 'oidcClient.clientIdInvalid');

const clientNameSchema = z.string().trim().min(2, 'too_small').max(100, 'too_big');

export const createOidcClientInput = z.strictObject({
  clientId: oidcClientIdSchema,
  name: clientNameSchema,
  /** `none` registers a public client (browser or mobile app without a secret; PKCE required). */
  tokenEndpointAuthMethod: z.enum(tokenEndpointAuthMethods).default('client_secret_basic'),
  redirectUris: uriList(1),
  postLogoutRedirectUris: uriList(0).default([]),
  departmentId: z.uuid('invalid_format').nullable().default(null),
});
export type CreateOidcClientInput = z.infer<typeof createOidcClientInput>;

export const updateOidcClientInput = z.strictObject({
  name: clientNameSchema.optional(),
  /** Only between the two secret-based methods: whether a client has a secret is fixed at registration. */
  tokenEndpointAuthMethod: z.enum(['client_secret_basic', 'client_secret_post']).optional(),
  redirectUris: uriList(1).optional(),
  postLogoutRedirectUris: uriList(0).optional(),
  isActive: z.boolean().optional(),
  departmentId: z.uuid('invalid_format').nullable().optional(),
  version: z.number().int(),
});
export type UpdateOidcClientInput = z.infer<typeof updateOidcClientInput>;

export const rotateOidcClientSecretInput = z.strictObject({ version: z.number().int() });

export const oidcClientListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(50, 'too_big').optional(),
  isActive: z.stringbool().optional(),
});
export type OidcClientListQuery = z.infer<typeof oidcClientListQuery>;

export const oidcClientView = z.object({
  clientId: z.string(),
  name: z.string(),
  isPublic: z.boolean(),
  tokenEndpointAuthMethod: z.enum(tokenEndpointAuthMethods),
  redirectUris: z.array(z.string()),
  postLogoutRedirectUris: z.array(z.string()),
  isActive: z.boolean(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  secretRotatedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OidcClientView = z.infer<typeof oidcClientView>;

/** Returned once, at registration: the secret is stored encrypted and never shown again. */
export const createdOidcClientView = oidcClientView.extend({ clientSecret: z.string().nullable() });
export type CreatedOidcClientView = z.infer<typeof createdOidcClientView>;

export const rotatedOidcClientSecret = z.object({
  clientId: z.string(),
  clientSecret: z.string(),
  secretRotatedAt: z.string(),
  version: z.number().int(),
});
export type RotatedOidcClientSecret = z.infer<typeof rotatedOidcClientSecret>;

export const oidcMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'oidcClient.clientIdInvalid': '客户端标识为 3–64 位小写字母、数字、点、短横线或下划线,首尾须为字母或数字',
    'oidcClient.redirectUriInvalid': '请输入完整、确切的网址(不含通配符和用户名密码)',
    'oidcClient.redirectUriFragment': '回调地址不能包含 # 片段',
    'oidcClient.redirectUriHttps': '回调地址必须使用 https(仅本机 localhost 调试可用 http)',
    'oidcClient.redirectUriRepeated': '回调地址有重复',
    'oidcClient.redirectUrisRequired': '请至少填写一个登录回调地址',
    'oidcClient.departmentNotFound': '所选部门不存在或已停用',
    'oidcClient.clientIdTaken': '该客户端标识已被使用',
    'oidcClient.publicHasNoSecret': '公开客户端(浏览器或移动应用)没有密钥,无需重置',
  },
  'en-US': {
    'oidcClient.clientIdInvalid': 'Client IDs are 3–64 lower-case letters, digits, dots, dashes or underscores, starting and ending with a letter or digit',
    'oidcClient.redirectUriInvalid': 'Enter a complete, exact URL (no wildcards, no user name or password)',
    'oidcClient.redirectUriFragment': 'Redirect URIs must not contain a # fragment',
    'oidcClient.redirectUriHttps': 'Redirect URIs must use https (http only for localhost while developing)',
    'oidcClient.redirectUriRepeated': 'A redirect URI is listed twice',
    'oidcClient.redirectUrisRequired': 'Enter at least one sign-in redirect URI',
    'oidcClient.departmentNotFound': 'The department does not exist or is inactive',
    'oidcClient.clientIdTaken': 'This client ID is already taken',
    'oidcClient.publicHasNoSecret': 'Public clients (browser or mobile apps) have no secret to rotate',
  },
};

import { describe, expect, it } from 'vitest';
import { createOidcClientInput, oidcClientIdSchema, oidcMessages, redirectUriProblem, updateOidcClientInput } from './oidc';

describe('redirect URIs a client system may register', () => {
  it.each([
    'https://zwfw.example.gov.cn/oidc/callback',
    'https://10.1.2.3:8443/cb?tenant=530102',
    'http://localhost:5173/callback',
    'http://127.0.0.1:8080/cb',
    'http://[::1]:3000/cb',
  ])('accepts %s', (uri) => {
    expect(redirectUriProblem(uri)).toBeUndefined();
  });

  it.each([
    ['http://zwfw.example.gov.cn/callback', 'oidcClient.redirectUriHttps'],
    ['http://localhost.evil.example/cb', 'oidcClient.redirectUriHttps'],
    ['javascript:alert(1)', 'oidcClient.redirectUriHttps'],
    ['com.example.app:/oauth', 'oidcClient.redirectUriHttps'],
    ['https://a.example/cb#frag', 'oidcClient.redirectUriFragment'],
    ['https://a.example/cb#', 'oidcClient.redirectUriFragment'],
    ['https://*.example.gov.cn/cb', 'oidcClient.redirectUriInvalid'],
    ['https://user:pass@a.example/cb', 'oidcClient.redirectUriInvalid'],
    ['/relative/path', 'oidcClient.redirectUriInvalid'],
    ['', 'oidcClient.redirectUriInvalid'],
  ])('refuses %s with %s', (uri, problem) => {
    expect(redirectUriProblem(uri)).toBe(problem);
  });
});

describe('client ids', () => {
  it.each(['zwfw', 'city-portal', 'grid.app_v2', 'a1b'])('accepts %s', (id) => {
    expect(oidcClientIdSchema.safeParse(id).success).toBe(true);
  });
  it.each(['ab', 'City-Portal', '-portal', 'portal-', 'has space', 'a'.repeat(65), '政务服务'])('refuses %s', (id) => {
    expect(oidcClientIdSchema.safeParse(id).success).toBe(false);
  });
});

describe('registration input', () => {
  it('defaults to a confidential client with basic authentication and no logout URIs', () => {
    const parsed = createOidcClientInput.parse({ clientId: 'zwfw', name: '政务服务网', redirectUris: ['https://a.example/cb'] });
    expect(parsed).toMatchObject({ tokenEndpointAuthMethod: 'client_secret_basic', postLogoutRedirectUris: [], departmentId: null });
  });

  it('refuses fields it does not know, so nothing is silently dropped', () => {
    expect(updateOidcClientInput.safeParse({ version: 1, isPublic: true }).success).toBe(false);
  });

  it('has every message in both languages', () => {
    expect(Object.keys(oidcMessages['en-US']).sort()).toEqual(Object.keys(oidcMessages['zh-CN']).sort());
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { createTestApp, makeDepartment, makeEnterpriseCreditCode, makeIdNumber, makePhone, makeRegionTree, makeStaff, TEST_PASSWORD, type TestApp } from '../../testing';
import { freePort, TestBrowser } from './test-browser';

// The whole authorization code flow with a standard OpenID Connect client library against a listening server.

let t: TestApp;
let origin: string;
let issuer: URL;
let sysadminToken: string;
let departmentId: string;
let departmentName: string;
let county: string;

const RP = 'http://127.0.0.1:9/rp';
const callback = `${RP}/callback`;
const afterLogout = `${RP}/signed-out`;
const insecure = { execute: [client.allowInsecureRequests] };

async function registerClient(body: Record<string, unknown>): Promise<{ clientId: string; clientSecret: string | null }> {
  const res = await t.as(sysadminToken, { method: 'POST', url: '/api/oidc-clients', payload: body });
  if (res.statusCode !== 201) throw new Error(`registering ${String(body.clientId)} failed: ${res.body}`);
  return res.json();
}

async function confidentialClient(clientId: string): Promise<client.Configuration> {
  const { clientSecret } = await registerClient({ clientId, name: `测试系统 ${clientId}`, redirectUris: [callback], postLogoutRedirectUris: [afterLogout] });
  if (!clientSecret) throw new Error('no secret');
  const config = await client.discovery(issuer, clientId, clientSecret, client.ClientSecretBasic(clientSecret), insecure);
  // Verify the ID token's ES256 signature against the published JWKS, not only the TLS-less token response.
  client.enableNonRepudiationChecks(config);
  return config;
}

async function signIn(browser: TestBrowser, username: string, password: string): Promise<void> {
  const res = await browser.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  expect(browser.cookie('zt_session')).toBeTruthy();
}

function idClaims(tokens: { claims(): client.IDToken | undefined }): client.IDToken {
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  return claims;
}

type Started = { url: URL; verifier: string; state: string; nonce: string };

async function startSignIn(config: client.Configuration, extra: Record<string, string> = {}): Promise<Started> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callback,
    scope: 'openid profile zhengtong',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url, verifier, state, nonce };
}

async function completeSignIn(config: client.Configuration, browser: TestBrowser, started: Started) {
  const { location } = await browser.follow(started.url);
  expect(location.href.startsWith(callback)).toBe(true);
  return client.authorizationCodeGrant(config, location, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce, idTokenExpected: true });
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  t = await createTestApp({ publicUrl: origin, port });
  await t.app.listen({ port, host: '127.0.0.1' });
  issuer = new URL(`${origin}/oidc`);
  const regions = await makeRegionTree(t.kernel);
  county = regions.county;
  const department = await makeDepartment(t.kernel, county);
  departmentId = department.id;
  departmentName = department.name;
  const admin = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: ['sysadmin'] });
  sysadminToken = await t.login(admin.username, admin.password);
});
afterAll(async () => t?.close());

describe('discovery', () => {
  it('publishes the issuer, code flow only, PKCE S256, ES256 and the Zhengtong scopes', async () => {
    const res = await fetch(`${origin}/oidc/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const meta = (await res.json()) as Record<string, unknown>;
    expect(meta.issuer).toBe(`${origin}/oidc`);
    expect(meta.response_types_supported).toEqual(['code']);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.id_token_signing_alg_values_supported).toEqual(['ES256']);
    expect(meta.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'zhengtong']));
    expect(meta.end_session_endpoint).toBe(`${origin}/oidc/session/end`);
    expect(meta.claims_supported).toEqual(expect.arrayContaining(['account_type', 'real_name_level', 'region_code', 'department_id', 'department_name', 'credit_code']));
    const jwks = (await (await fetch(String(meta.jwks_uri))).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});

describe('single sign-on with the authorization code flow and PKCE', () => {
  it('signs a staff member in to a client system with their Zhengtong session, with department claims', async () => {
    const config = await confidentialClient('staff-portal');
    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: ['clerk'] });
    const browser = new TestBrowser(origin);
    await signIn(browser, staff.username, staff.password);

    const tokens = await completeSignIn(config, browser, await startSignIn(config));
    const claims = idClaims(tokens);
    expect(claims).toMatchObject({
      iss: `${origin}/oidc`,
      aud: 'staff-portal',
      sub: staff.accountId,
      name: '测试人员',
      account_type: 'staff',
      real_name_level: 3,
      region_code: county,
      department_id: departmentId,
      department_name: departmentName,
      amr: ['pwd'],
    });
    expect(claims).not.toHaveProperty('credit_code');
    // auth_time is when the person signed in to Zhengtong, not when the client system asked.
    expect(typeof claims.auth_time).toBe('number');
    expect(Number(claims.auth_time)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, staff.accountId);
    expect(userinfo).toMatchObject({ sub: staff.accountId, account_type: 'staff', region_code: county, department_id: departmentId, department_name: departmentName });

    const audit = await t.kernel.db.selectFrom('audit_log').selectAll().where('action', '=', 'oidc.login').where('object_id', '=', 'staff-portal').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: staff.accountId, object_type: 'oidc-client', result: 'success' });
  });
});

async function registerCitizen(browser: TestBrowser): Promise<{ accountId: string; idNumber: string; phone: string }> {
  const idNumber = makeIdNumber();
  const phone = makePhone();
  const res = await browser.request('/api/registrations/citizen', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: '𠮷田李四', idNumber, phone, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { me: { accountId: string } };
  return { accountId: body.me.accountId, idNumber, phone };
}

describe('signing in when there is no Zhengtong session yet', () => {
  it('sends the browser to the Zhengtong sign-in page and, once signed in, on to the client system', async () => {
    const config = await confidentialClient('citizen-portal');
    const browser = new TestBrowser(origin);
    const started = await startSignIn(config);

    const { location } = await browser.follow(started.url, (url) => url.pathname === '/login');
    expect(location.pathname).toBe('/login');
    const returnTo = location.searchParams.get('returnTo') ?? '';
    expect(returnTo).toMatch(/^\/oidc\/interaction\/[\w-]+$/);

    const citizen = await registerCitizen(browser);
    const back = await browser.follow(returnTo);
    expect(back.location.href.startsWith(callback)).toBe(true);
    const tokens = await client.authorizationCodeGrant(config, back.location, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce, idTokenExpected: true });
    const claims = idClaims(tokens);
    expect(claims).toMatchObject({ sub: citizen.accountId, name: '𠮷田李四', account_type: 'citizen', real_name_level: 1 });
    expect(claims).not.toHaveProperty('department_id');
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, citizen.accountId);
    expect(userinfo).toMatchObject({ sub: citizen.accountId, name: '𠮷田李四', account_type: 'citizen' });
    // ID and phone numbers never leave Zhengtong through single sign-on.
    for (const released of [JSON.stringify(claims), JSON.stringify(userinfo), tokens.id_token ?? '']) {
      expect(released).not.toContain(citizen.idNumber);
      expect(released).not.toContain(citizen.phone);
    }
  });

  it('answers prompt=none with login_required instead of showing a page', async () => {
    const config = await confidentialClient('silent-check');
    const browser = new TestBrowser(origin);
    const { location } = await browser.follow((await startSignIn(config, { prompt: 'none' })).url);
    expect(location.href.startsWith(callback)).toBe(true);
    expect(location.searchParams.get('error')).toBe('login_required');
  });

  it('gives an enterprise its credit code and no department', async () => {
    const config = await confidentialClient('enterprise-portal');
    const browser = new TestBrowser(origin);
    const creditCode = makeEnterpriseCreditCode();
    const res = await browser.request('/api/registrations/enterprise', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '云溪测试科技有限公司', creditCode, legalRepName: '王五', legalRepIdNumber: makeIdNumber(), password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(201);
    const tokens = await completeSignIn(config, browser, await startSignIn(config));
    expect(idClaims(tokens)).toMatchObject({ account_type: 'enterprise', credit_code: creditCode, name: '云溪测试科技有限公司' });
    expect(idClaims(tokens)).not.toHaveProperty('department_id');
  });
});

describe('one sign-in, every system (一次认证,全网通办)', () => {
  it('signs in to a second system without asking again, and a repeat visit needs no interaction at all', async () => {
    const first = await confidentialClient('sso-first');
    const second = await confidentialClient('sso-second');
    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: ['reviewer'] });
    const browser = new TestBrowser(origin);
    await signIn(browser, staff.username, staff.password);
    await completeSignIn(first, browser, await startSignIn(first));

    const visited: string[] = [];
    const started = await startSignIn(second);
    const { location } = await browser.follow(started.url, (url) => {
      visited.push(url.pathname);
      return url.pathname === '/login';
    });
    expect(visited).not.toContain('/login');
    const tokens = await client.authorizationCodeGrant(second, location, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce, idTokenExpected: true });
    expect(idClaims(tokens).sub).toBe(staff.accountId);

    const again = await startSignIn(second, { prompt: 'none' });
    const silent = await browser.follow(again.url);
    expect(silent.location.searchParams.get('code')).toBeTruthy();
  });

  it('refuses to exchange the same authorization code twice', async () => {
    const config = await confidentialClient('code-once');
    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [] });
    const browser = new TestBrowser(origin);
    await signIn(browser, staff.username, staff.password);
    const started = await startSignIn(config);
    const { location } = await browser.follow(started.url);
    const checks = { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce, idTokenExpected: true };
    await client.authorizationCodeGrant(config, location, checks);
    await expect(client.authorizationCodeGrant(config, location, checks)).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

describe('refusing bad requests', () => {
  it('refuses an unknown client with an error page, not a redirect', async () => {
    const url = `${origin}/oidc/auth?client_id=no-such-system&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(callback)}`;
    const res = await fetch(url, { redirect: 'manual', headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    const html = await res.text();
    expect(html).toContain('invalid_client');
    expect(html).toContain('未在政通登记或已停用');
  });

  it('refuses a redirect URI that is not registered, without redirecting to it', async () => {
    const config = await confidentialClient('strict-redirects');
    const url = client.buildAuthorizationUrl(config, { redirect_uri: 'https://evil.example/callback', scope: 'openid', state: 'x' });
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('invalid_redirect_uri');
  });

  it('requires PKCE from a public client and lets it sign in with PKCE and no secret', async () => {
    const { clientSecret } = await registerClient({ clientId: 'grid-app', name: '网格通 App', tokenEndpointAuthMethod: 'none', redirectUris: [callback] });
    expect(clientSecret).toBeNull();
    const config = await client.discovery(issuer, 'grid-app', undefined, client.None(), insecure);
    const withoutPkce = client.buildAuthorizationUrl(config, { redirect_uri: callback, scope: 'openid', state: 'no-pkce' });
    const browser = new TestBrowser(origin);
    const refused = await browser.follow(withoutPkce);
    expect(refused.location.href.startsWith(callback)).toBe(true);
    expect(refused.location.searchParams.get('error')).toBe('invalid_request');
    expect(refused.location.searchParams.get('error_description')).toMatch(/PKCE/);

    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: ['grid-worker'] });
    await signIn(browser, staff.username, staff.password);
    const tokens = await completeSignIn(config, browser, await startSignIn(config));
    expect(idClaims(tokens).sub).toBe(staff.accountId);
  });

  it('offers no implicit flow: an ID token is never returned from the authorization endpoint', async () => {
    const config = await confidentialClient('no-implicit');
    const url = client.buildAuthorizationUrl(config, { redirect_uri: callback, scope: 'openid', response_type: 'id_token', nonce: 'n', state: 's' });
    const { location } = await new TestBrowser(origin).follow(url);
    expect(location.href.startsWith(callback)).toBe(true);
    expect(location.href).toContain('error=unsupported_response_type');
    expect(location.href).not.toContain('id_token=');
  });

  it('stops honouring the old secret once it is rotated', async () => {
    const config = await confidentialClient('rotating');
    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [] });
    const browser = new TestBrowser(origin);
    await signIn(browser, staff.username, staff.password);
    const current = await t.as(sysadminToken, { method: 'GET', url: '/api/oidc-clients/rotating' });
    const rotated = await t.as(sysadminToken, { method: 'POST', url: '/api/oidc-clients/rotating/rotate-secret', payload: { version: current.json().version } });
    expect(rotated.statusCode).toBe(200);
    const started = await startSignIn(config);
    const { location } = await browser.follow(started.url);
    // RFC 6749 §5.2: a failed client authentication is a 401 with a WWW-Authenticate challenge.
    await expect(client.authorizationCodeGrant(config, location, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce })).rejects.toMatchObject({ status: 401 });

    const { clientSecret } = rotated.json() as { clientSecret: string };
    const renewed = await client.discovery(issuer, 'rotating', clientSecret, client.ClientSecretBasic(clientSecret), insecure);
    const tokens = await completeSignIn(renewed, browser, await startSignIn(renewed));
    expect(idClaims(tokens).sub).toBe(staff.accountId);
  });
});

describe('signing out', () => {
  it('logout everywhere in Zhengtong makes the access token unusable and the next sign-in ask again', async () => {
    const config = await confidentialClient('after-logout-everywhere');
    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [] });
    const browser = new TestBrowser(origin);
    await signIn(browser, staff.username, staff.password);
    const tokens = await completeSignIn(config, browser, await startSignIn(config));
    await client.fetchUserInfo(config, tokens.access_token, staff.accountId);

    const other = new TestBrowser(origin);
    await signIn(other, staff.username, staff.password);
    const res = await other.request('/api/auth/logout-everywhere', { method: 'POST', headers: { origin } });
    expect(res.status).toBe(204);

    await expect(client.fetchUserInfo(config, tokens.access_token, staff.accountId)).rejects.toMatchObject({ status: 401 });
    const { location } = await browser.follow((await startSignIn(config)).url, (url) => url.pathname === '/login');
    expect(location.pathname).toBe('/login');
  });

  it('a plain Zhengtong sign-out also stops silent sign-ins to client systems', async () => {
    const config = await confidentialClient('after-plain-logout');
    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [] });
    const browser = new TestBrowser(origin);
    await signIn(browser, staff.username, staff.password);
    await completeSignIn(config, browser, await startSignIn(config));
    expect((await browser.request('/api/auth/logout', { method: 'POST', headers: { origin } })).status).toBe(204);
    const { location } = await browser.follow((await startSignIn(config, { prompt: 'none' })).url);
    expect(location.searchParams.get('error')).toBe('login_required');
  });

  function forms(html: string): { action: string; fields: Record<string, string> }[] {
    return [...html.matchAll(/<form method="post" action="([^"]+)">(.*?)<\/form>/gs)].map(([, action = '', inner = '']) => ({
      action: action.replace(/&#38;/g, '&'),
      fields: Object.fromEntries([...inner.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(([, name = '', value = '']) => [name, value])),
    }));
  }

  it('RP-initiated logout, choosing "everywhere", ends the Zhengtong session and returns to the system', async () => {
    const config = await confidentialClient('rp-logout');
    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [] });
    const browser = new TestBrowser(origin);
    await signIn(browser, staff.username, staff.password);
    const tokens = await completeSignIn(config, browser, await startSignIn(config));

    const endUrl = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? '', post_logout_redirect_uri: afterLogout, state: 'bye' });
    const page = await browser.request(endUrl, { headers: { 'accept-language': 'zh-CN' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('测试系统 rp-logout');
    const [everywhere] = forms(html);
    if (!everywhere) throw new Error('no logout form');
    expect(everywhere.fields).toMatchObject({ logout: 'yes', zt_logout: 'yes' });

    const confirmed = await browser.request(everywhere.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams(everywhere.fields),
    });
    expect(confirmed.status).toBe(303);
    const back = new URL(confirmed.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(afterLogout);
    expect(back.searchParams.get('state')).toBe('bye');

    expect((await browser.request('/api/me')).status).toBe(401);
    await expect(client.fetchUserInfo(config, tokens.access_token, staff.accountId)).rejects.toMatchObject({ status: 401 });
    const logged = await t.kernel.db.selectFrom('audit_log').select(['action', 'detail']).where('actor_id', '=', staff.accountId).where('action', 'in', ['oidc.logout', 'account.logout']).execute();
    expect(logged.map((r) => r.action).sort()).toEqual(['account.logout', 'oidc.logout']);
  });

  it('RP-initiated logout of that system only keeps the Zhengtong session', async () => {
    const config = await confidentialClient('rp-logout-only');
    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [] });
    const browser = new TestBrowser(origin);
    await signIn(browser, staff.username, staff.password);
    const tokens = await completeSignIn(config, browser, await startSignIn(config));
    const endUrl = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? '', post_logout_redirect_uri: afterLogout });
    const [, onlyThis] = forms(await (await browser.request(endUrl)).text());
    if (!onlyThis) throw new Error('no logout form');
    const confirmed = await browser.request(onlyThis.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams(onlyThis.fields),
    });
    expect(confirmed.status).toBe(303);
    expect((await browser.request('/api/me')).status).toBe(200);
    await expect(client.fetchUserInfo(config, tokens.access_token, staff.accountId)).rejects.toMatchObject({ status: 401 });
  });
});

describe('switching a client system off', () => {
  it('refuses new sign-ins and stops the tokens it already holds', async () => {
    const config = await confidentialClient('switched-off');
    const staff = await makeStaff(t.kernel, { departmentId, regionCode: county, roles: [] });
    const browser = new TestBrowser(origin);
    await signIn(browser, staff.username, staff.password);
    const tokens = await completeSignIn(config, browser, await startSignIn(config));
    const current = await t.as(sysadminToken, { method: 'GET', url: '/api/oidc-clients/switched-off' });
    const off = await t.as(sysadminToken, { method: 'PATCH', url: '/api/oidc-clients/switched-off', payload: { isActive: false, version: current.json().version } });
    expect(off.statusCode).toBe(200);

    await expect(client.fetchUserInfo(config, tokens.access_token, staff.accountId)).rejects.toMatchObject({ status: 401 });
    const res = await browser.request((await startSignIn(config)).url);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('invalid_client');
  });
});

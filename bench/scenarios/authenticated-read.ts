import type { Scenario } from './types';

async function tokenFrom(url: string, password: string): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'reviewer', password }) });
  if (!res.ok) throw new Error(`login for the read scenario failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export const authenticatedRead: Scenario = {
  name: 'authenticated read',
  description: 'GET the signed-in account (bearer session lookup, roles, scope)',
  async prepare({ zhengtong, baseline, password }) {
    const zt = await tokenFrom(`${zhengtong.url}/api/auth/login`, password);
    const base = await tokenFrom(`${baseline.url}/login`, password);
    return {
      zhengtong: { path: '/api/me', method: 'GET', headers: { authorization: `Bearer ${zt}` } },
      baseline: { path: '/me', method: 'GET', headers: { authorization: `Bearer ${base}` } },
    };
  },
};

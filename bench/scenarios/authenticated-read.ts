import { signIn } from './api';
import type { Scenario } from './types';

export const authenticatedRead: Scenario = {
  name: 'authenticated read',
  description: 'GET the signed-in account (bearer session lookup, roles, scope)',
  async prepare({ zhengtong, baseline, password }) {
    const zt = await signIn(`${zhengtong.url}/api/auth/login`, 'reviewer', password);
    const base = await signIn(`${baseline.url}/login`, 'reviewer', password);
    return {
      zhengtong: { path: '/api/me', method: 'GET', headers: { authorization: `Bearer ${zt}` } },
      baseline: { path: '/me', method: 'GET', headers: { authorization: `Bearer ${base}` } },
    };
  },
};

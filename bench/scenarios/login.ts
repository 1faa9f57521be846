import type { Scenario } from './types';

export const login: Scenario = {
  name: 'login',
  description: 'POST password sign-in of a staff account (argon2id verify, session insert; Zhengtong also audits)',
  async prepare({ password }) {
    const body = JSON.stringify({ username: 'clerk', password });
    const headers = { 'content-type': 'application/json' };
    return {
      zhengtong: { path: '/api/auth/login', method: 'POST', headers, body },
      baseline: { path: '/login', method: 'POST', headers, body },
    };
  },
};

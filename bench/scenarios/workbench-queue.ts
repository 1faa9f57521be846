import { signIn } from './api';
import type { Scenario } from './types';

// 市场监管局's reviewer opens the workbench: the first page of the to-do queue, most urgent first, with the
// traffic-light counts (list, total, band counts and paused count: four queries over the cases table).
export const workbenchQueue: Scenario = {
  name: 'workbench queue',
  description: 'GET /api/workbench/cases as a department reviewer (default view: to-do, first page, counts)',
  async prepare({ zhengtong, baseline, password }) {
    const zt = await signIn(`${zhengtong.url}/api/auth/login`, 'reviewer', password);
    const base = await signIn(`${baseline.url}/login`, 'reviewer', password);
    return {
      zhengtong: { path: '/api/workbench/cases', method: 'GET', headers: { authorization: `Bearer ${zt}` } },
      baseline: { path: '/workbench/cases', method: 'GET', headers: { authorization: `Bearer ${base}` } },
    };
  },
};

/** One reader at a time: the latency a member of staff sees when nobody else is using the server. */
export const workbenchQueueOneReader: Scenario = { ...workbenchQueue, name: 'workbench queue (one reader)', connections: 1 };

/** A busy hour below saturation: 100 page loads a second, evenly spaced (e.g. 3,000 staff each refreshing every 30 s). */
export const workbenchQueueBusy: Scenario = { ...workbenchQueue, name: 'workbench queue (100 req/s)', rate: 100 };

import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

export { readCalendar } from './repo';
export { loadOfficialCalendar } from './load-official';

/** The working-day calendar (工作日历): official holidays and 调休, editable by admins. */
export default fp(
  async function calendar(_app: FastifyInstance) {
    // admin routes: routes.ts
  },
  { name: 'calendar', dependencies: ['identity'] },
);

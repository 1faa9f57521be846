import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { calendarMessages } from '@zhengtong/contracts';
import { registerMessages } from '../../kernel/i18n';
import { systemActor } from '../../kernel/authz';
import { calendarRoutes } from './routes';
import { loadOfficialCalendar } from './load-official';

export { readCalendar } from './repo';
export { loadOfficialCalendar } from './load-official';
export { deadlineAfter } from './service';

registerMessages(calendarMessages);

/** The working-day calendar (工作日历): official holidays and 调休, editable by admins. */
export default fp(
  async function calendar(app: FastifyInstance) {
    calendarRoutes(app);
    // A fresh installation without the demo city counts deadlines correctly from its first request.
    app.addHook('onReady', async () => {
      await loadOfficialCalendar(app.kernel, systemActor('calendar-startup'));
    });
  },
  { name: 'calendar', dependencies: ['identity'] },
);

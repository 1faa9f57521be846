import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { platformOverview } from '@zhengtong/contracts';
import { countsByAction, dailyOutcomes } from '../../kernel/audit';
import { countAccountsByType } from '../identity';
import { countDepartmentsByRegion } from '../departments';

/** The cockpit's platform panel: real counts from the platform's own records. */
export default fp(
  async function overview(app: FastifyInstance) {
    const db = app.kernel.db;
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/cockpit/platform-overview',
      {
        config: { access: 'cockpit.view' },
        schema: { tags: ['cockpit'], summary: '驾驶舱:平台运行概况 (accounts, departments, sign-ins, audited activity)', response: { 200: platformOverview } },
      },
      async () => {
        const [accounts, departments, logins, actions] = await Promise.all([
          countAccountsByType(db),
          countDepartmentsByRegion(db),
          dailyOutcomes(db, 'account.login', 14),
          countsByAction(db, 30),
        ]);
        return {
          accounts,
          departmentsByRegion: departments.map((d) => ({ regionCode: d.regionCode, regionName: d.regionName, count: d.count })),
          loginsByDay: logins,
          auditByAction: actions,
        };
      },
    );
  },
  { name: 'overview', dependencies: ['identity'] },
);

import type { AccountActor } from '../kernel/authz';
import type { Kernel } from '../kernel/context';
import { systemActor } from '../kernel/authz';
import { inTransaction } from '../kernel/audit';
import { toLocalDate } from '../kernel/calendar';
import { sql } from '../kernel/db';
import { lookupIndex, findEnterprise } from '../platform/identity';
import { applyForDataset, createApiKey, findOpenDataset, saveDatasetSettings } from '../data/open-data';
import { demoCitizens, demoEnterprises, enterpriseCreditCode } from './people';

// 数据开放 in the demo city: the portal's featured datasets with their licence and contact, a few weeks of downloads
// and API calls so the chief data officer's overview has something true to show, a developer key for 张三 (created
// through the same service as on the portal; the key itself is never printed — 张三 creates another to try the API),
// and one application for 法人基础信息 (受限开放) by 云溪市青禾食品有限公司, waiting for 林数 (dataadmin).

const LICENCE_TERMS =
  '1. 使用者可免费获取、使用、传播本数据,须注明数据来源“云溪市公共数据开放平台”及数据提供部门。\n' +
  '2. 不得利用本数据从事违法活动,不得试图识别特定个人,不得歪曲数据原意。\n' +
  '3. 平台不对数据的完整性、时效性作担保;数据有误可通过页面下方联系方式反馈。';

const featured = [
  { code: '539900-SJ-0002', rank: 1, contactName: '市场监管局数据管理科', contactEmail: 'data@scjg.yunxi.gov.cn', contactPhone: '0871-6512 3101' },
  { code: '539900-CY-0001', rank: 2, contactName: '城市运行管理中心', contactEmail: 'open@cy.yunxi.gov.cn', contactPhone: '0871-6512 3102' },
  { code: '539900-RX-0001', rank: 3, contactName: '12345 热线服务中心', contactEmail: 'open@12345.yunxi.gov.cn', contactPhone: '0871-12345' },
] as const;

function accountActor(accountId: string, name: string, accountType: 'citizen' | 'enterprise', enterpriseId: string | null): AccountActor {
  return {
    kind: 'account',
    accountId,
    accountType,
    displayName: name,
    roles: [],
    permissions: new Set(),
    regionCode: null,
    departmentId: null,
    enterpriseId,
    sessionId: 'demo-seed',
    stage: 'full',
    context: { ip: null, requestId: null, locale: 'zh-CN' },
  };
}

/** A small, steady history: more downloads of the featured sets, a few API calls a day. */
async function seedUsage(kernel: Kernel, resourceId: string, rank: number): Promise<void> {
  const today = Date.now();
  await inTransaction(kernel.db, async (tx) => {
    for (let daysAgo = 1; daysAgo <= 45; daysAgo++) {
      const day = toLocalDate(new Date(today - daysAgo * 86_400_000));
      const downloads = ((daysAgo * 7 + rank * 3) % 11) + (4 - rank) * 2;
      const calls = ((daysAgo * 13 + rank) % 17) * (4 - rank);
      await sql`insert into open_dataset_stats (resource_id, day, downloads, api_calls) values (${resourceId}, ${day}::date, ${downloads}, ${calls})
                on conflict (resource_id, day) do nothing`.execute(tx);
    }
  });
}

export async function seedDemoOpenData(kernel: Kernel): Promise<void> {
  const actor = systemActor('demo-seed');
  for (const f of featured) {
    // The catalogue seeds these resources; an empty city (or a catalogue without them) has nothing to feature.
    const dataset = await findOpenDataset(kernel.db, f.code);
    if (!dataset) continue;
    await saveDatasetSettings(kernel, {
      actor,
      code: f.code,
      input: {
        version: dataset.settings.version,
        isFeatured: true,
        featuredRank: f.rank,
        licenceName: '云溪市公共数据开放许可协议',
        licenceTerms: LICENCE_TERMS,
        contactName: f.contactName,
        contactEmail: f.contactEmail,
        contactPhone: f.contactPhone,
      },
    });
    await seedUsage(kernel, dataset.resource.id, f.rank);
  }

  const zhangsan = demoCitizens[0];
  if (zhangsan) {
    const login = await kernel.db.selectFrom('login_keys').select('account_id').where('kind', '=', 'phone').where('key', '=', lookupIndex(kernel.keys, 'phone', zhangsan.phone)).executeTakeFirst();
    if (login) await createApiKey(kernel, { actor: accountActor(login.account_id, zhangsan.name, 'citizen', null), input: { name: '便民查询小程序' } });
  }

  const qinghe = demoEnterprises[0];
  const entity = await findOpenDataset(kernel.db, '539900-SJ-0001');
  if (qinghe && entity) {
    const enterprise = await findEnterprise(kernel.db, { creditCode: enterpriseCreditCode(qinghe) });
    if (enterprise?.accountId) {
      await applyForDataset(kernel, {
        actor: accountActor(enterprise.accountId, enterprise.name, 'enterprise', enterprise.id),
        input: {
          dataset: '539900-SJ-0001',
          purpose: '核验上游供应商的法定代表人信息,防范冒名签约',
          scenario: '公司采购系统在签订供货合同前,自动比对供应商登记的法定代表人姓名',
          months: 12,
        },
      });
    }
  }
}

import { sql } from 'kysely';
import { exchangeQueryInput, type CreateShareRequestInput, type PublishedDataResource, type ShareRequestView } from '@zhengtong/contracts';
import type { Kernel } from '../kernel/context';
import type { AccountActor } from '../kernel/authz';
import { toLocalDate } from '../kernel/calendar';
import { findPublishedResource } from '../data/catalogue';
import {
  QuotaLedger,
  RateLimiter,
  answerShareDemand,
  createClient,
  exchangeQuery,
  fileShareDemand,
  reviewShareRequest,
  sealAllCalls,
  submitShareRequest,
} from '../data/exchange';
import { demoEnterprises, enterpriseCreditCode } from './people';
import { demoStaffActor } from './staff-actor';

// 共享交换 in the demo city, walked through the same functions as staff use, by the demo's own people:
// - 人社局 (dataconsumer) asks for 法人基础信息 (539900-SJ-0001, 市场监管局): approved by the platform, so 人社局 holds a
//   grant and a set of client credentials (the secret is not printed: create new ones in the workbench) and two weeks
//   of calls — some refused — sealed into the call log's chain;
// - 民政局's data consumer (mzdata) asks for 人口基础信息 (539900-GA-0001): the platform agreed, 公安局 has still to answer;
// - 人社局 asks for 食品经营许可信息 (539900-SJ-0002): waiting for the platform; one for 最低生活保障对象信息 was refused;
// - two demands (需求清单): one satisfied by 市场监管局, one open with 公安局.
// Parts whose resources the catalogue has not published are left out.

const CIVIL_CONSUMER = { username: 'mzdata' } as const;


/** 民政局's data consumer: the demo's second consuming department (its request waits for 公安局). */
function civilConsumer(kernel: Kernel): Promise<AccountActor | undefined> {
  return demoStaffActor(kernel, CIVIL_CONSUMER.username);
}

const inDays = (days: number) => toLocalDate(new Date(Date.now() + days * 86_400_000));

function request(resource: PublishedDataResource, wanted: readonly string[] | 'unconditional', rest: Pick<CreateShareRequestInput, 'purpose' | 'legalBasis' | 'expectedDailyVolume'>): CreateShareRequestInput {
  const fields = resource.fields
    .filter((f) => f.shareType !== 'none' && f.masking !== 'hidden')
    .filter((f) => (wanted === 'unconditional' ? f.shareType === 'unconditional' : wanted.includes(f.key)))
    .map((f) => f.key);
  return { resource: resource.code, fields, unmaskedFields: [], validFrom: toLocalDate(new Date()), validTo: inDays(364), ...rest };
}

export async function seedDemoExchange(kernel: Kernel): Promise<void> {
  const consumer = await demoStaffActor(kernel, 'dataconsumer');
  const platform = await demoStaffActor(kernel, 'dataadmin');
  const market = await demoStaffActor(kernel, 'scjgdata');
  if (!consumer || !platform || !market) return;
  const [entities, persons, foodLicences, subsistence] = await Promise.all(
    ['539900-SJ-0001', '539900-GA-0001', '539900-SJ-0002', '539900-MZ-0001'].map((code) => findPublishedResource(kernel.db, code)),
  );

  // 人社局 ← 法人基础信息: approved (unconditional fields only: 法定代表人身份证号 is conditional and not asked for).
  let granted: ShareRequestView | undefined;
  if (entities) {
    const submitted = await submitShareRequest(kernel, {
      actor: consumer,
      input: request(entities, 'unconditional', { purpose: '社会保险参保单位登记、变更时核验单位登记信息', legalBasis: '', expectedDailyVolume: 2000 }),
    });
    granted = await reviewShareRequest(kernel, { actor: platform, id: submitted.id, input: { decision: 'approve', version: submitted.version, reason: '', rateLimitPerSecond: 50, dailyQuota: 5000 } });
  }

  // 民政局 ← 人口基础信息: the platform agreed; 公安局 (gadata) has five working days to answer.
  const civil = await civilConsumer(kernel);
  if (persons && civil) {
    const submitted = await submitShareRequest(kernel, {
      actor: civil,
      input: request(persons, ['idNumber', 'name', 'gender', 'birthDate', 'regionCode'], {
        purpose: '最低生活保障申请家庭成员身份与户籍核验',
        legalBasis: '《社会救助暂行办法》第十一条',
        expectedDailyVolume: 300,
      }),
    });
    await reviewShareRequest(kernel, { actor: platform, id: submitted.id, input: { decision: 'approve', version: submitted.version, reason: '用途明确,依据充分', rateLimitPerSecond: 5, dailyQuota: 500 } });
  }

  // 人社局 ← 食品经营许可信息: waiting for the platform (2 working days).
  if (foodLicences) {
    await submitShareRequest(kernel, {
      actor: consumer,
      input: request(foodLicences, 'unconditional', { purpose: '就业见习基地资质核验', legalBasis: '', expectedDailyVolume: 100 }),
    });
  }

  // 人社局 ← 最低生活保障对象信息: refused by the platform, with its reason.
  if (subsistence) {
    const submitted = await submitShareRequest(kernel, {
      actor: consumer,
      input: request(subsistence, ['idNumber', 'name', 'monthlyAmountFen'], { purpose: '就业困难人员认定参考', legalBasis: '《就业促进法》第五十二条', expectedDailyVolume: 200 }),
    });
    await reviewShareRequest(kernel, {
      actor: platform,
      id: submitted.id,
      input: { decision: 'refuse', version: submitted.version, reason: '就业困难人员认定无需低保金额,请改为核验低保对象身份(仅姓名、身份证号)后重新申请' },
    });
  }

  await seedDemands(kernel, { consumer, market, foodLicences });
  if (granted?.grantId && entities) await seedCalls(kernel, consumer, entities);
}

async function seedDemands(kernel: Kernel, people: { consumer: AccountActor; market: AccountActor; foodLicences: PublishedDataResource | undefined }): Promise<void> {
  const departments = await kernel.db.selectFrom('departments').select(['id', 'short_name']).where('short_name', 'in', ['公安局', '市场监管局']).execute();
  const idOf = (name: string) => departments.find((d) => d.short_name === name)?.id;
  const police = idOf('公安局');
  const market = idOf('市场监管局');
  if (police) {
    await fileShareDemand(kernel, {
      actor: people.consumer,
      input: { providerDepartmentId: police, title: '流动人口居住登记信息', description: '灵活就业人员参保时核验其在本市的居住登记情况(是否持有居住证、登记地址所属街道)。', fieldsWanted: '姓名、身份证号、居住证编号、居住地所属街道、登记日期', purpose: '灵活就业人员参保资格核验' },
    });
  }
  if (market && people.foodLicences) {
    const demand = await fileShareDemand(kernel, {
      actor: people.consumer,
      input: { providerDepartmentId: market, title: '食品经营单位许可信息', description: '核验就业见习基地(餐饮企业)是否持有有效食品经营许可。', fieldsWanted: '许可证编号、经营者名称、有效期', purpose: '就业见习基地认定' },
    });
    await answerShareDemand(kernel, { actor: people.market, id: demand.id, input: { version: demand.version, decision: 'approve', resourceCode: people.foodLicences.code, reason: '已在目录中发布,可直接申请' } });
  }
}

/**
 * Two weeks of 人社局's calls on 法人基础信息 through the real query path with a set of credentials (whose secret is
 * used here and forgotten), a few refused; then dated back over the fortnight and sealed into the chain.
 */
async function seedCalls(kernel: Kernel, consumer: AccountActor, entities: PublishedDataResource): Promise<void> {
  const { client, secret } = await createClient(kernel, { actor: consumer, input: { name: '社会保险经办系统' } });
  const runtime = { rate: new RateLimiter(), quota: new QuotaLedger() };
  const headers = { authorization: `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString('base64')}` };
  const codes = demoEnterprises.map(enterpriseCreditCode);
  const purposes = ['参保单位登记核验', '参保单位信息变更核验', '工伤保险参保核验'];
  const call = (body: Record<string, unknown>, withHeaders: Record<string, string> = headers) =>
    exchangeQuery(kernel, runtime, { headers: withHeaders, body: exchangeQueryInput.parse(body), validationError: undefined, rawBody: body, ip: '10.20.1.15', requestId: null, startedAt: performance.now() }).catch(
      () => undefined, // a refusal: logged, which is all the demo wants of it
    );
  for (let i = 0; i < 36; i++) {
    const keys = i % 6 === 0 ? codes : [codes[i % codes.length] ?? '', ...(i % 5 === 0 ? ['91539902MA00000000'] : [])];
    await call({ resource: entities.code, keys, purpose: purposes[i % purposes.length] ?? purposes[0] });
  }
  // Refusals are part of the history too: a field not granted, wrong credentials.
  await call({ resource: entities.code, keys: codes.slice(0, 1), purpose: '参保单位登记核验', fields: ['legalRepIdNumber'] });
  await call({ resource: entities.code, keys: codes.slice(0, 1), purpose: '参保单位登记核验' }, { authorization: `Basic ${Buffer.from(`${client.clientId}:wrong-secret`).toString('base64')}` });
  // Spread over the last two weeks in office hours, before the sealer chains them.
  await sql`
    with numbered as (select id, row_number() over (order by id desc) - 1 as n from exchange_calls where hash is null)
    update exchange_calls c
       set at = date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'
                - make_interval(days => 1 + (numbered.n / 3)::int) + make_interval(hours => 9 + (numbered.n % 8)::int, mins => (numbered.n * 7 % 60)::int)
      from numbered where c.id = numbered.id`.execute(kernel.db);
  await sealAllCalls(kernel.db);
}

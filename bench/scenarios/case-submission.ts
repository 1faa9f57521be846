import crypto from 'node:crypto';
import { itemVersionElementsShape, type ItemVersionDetail, type ItemVersionElements } from '@zhengtong/contracts';
import { demoCitizens, demoIdNumber } from '../../server/src/demo/people';
import { callApi, signIn } from './api';
import type { Request, Scenario } from './types';

// Citizens apply online for 个体工商户设立登记 (市场监管局) in one request: POST /api/cases with submit: true and
// a fresh Idempotency-Key each time. Every demo item asks for at least one file, so the preparation publishes,
// through the catalogue API with its four-eyes review, a version for 全程电子化 online filing: the application form
// is the 申请书 and the ID card is fetched from the applicant's electronic licence where one exists (免证办); the
// premises proof is handed in after acceptance (容缺), as the item allows.

const ITEM = '个体工商户设立登记';
const MARKET_CITY_REGION = '539900000000';

type VersionListItem = { id: string; implementationId: string; serviceItemName: string; department: { name: string }; region: { code: string } };

async function publishPaperlessVersion(url: string, password: string): Promise<string> {
  const editor = await signIn(`${url}/api/auth/login`, 'itemeditor', password);
  const list = await callApi<{ items: VersionListItem[] }>(`${url}/api/service-item-versions?status=published&pageSize=200`, editor, 'GET');
  const current = list.items.find((v) => v.serviceItemName === ITEM && v.region.code === MARKET_CITY_REGION);
  if (!current) throw new Error(`case submission: no published ${ITEM} of the city`);
  const draft = await callApi<ItemVersionDetail>(`${url}/api/service-item-implementations/${current.implementationId}/versions`, editor, 'POST', { fromVersionId: current.id });
  const elements = Object.fromEntries(itemVersionElementsShape.keyof().options.map((key) => [key, draft[key]])) as ItemVersionElements;
  elements.materials = elements.materials.map((m) => {
    if (m.key === 'application') return { ...m, isRequired: false, note: '网上申请的,申请书由填报内容在线生成,无需上传' };
    if (m.key === 'idCard') return { ...m, isRequired: false, note: '由电子证照库在线调取,无需上传' };
    return m;
  });
  elements.changeNote = '网上申请全程电子化:申请书在线生成,身份证件由电子证照库调取(免证办)';
  const edited = await callApi<ItemVersionDetail>(`${url}/api/service-item-versions/${draft.id}`, editor, 'PUT', { elements, revision: draft.revision });
  const submitted = await callApi<ItemVersionDetail>(`${url}/api/service-item-versions/${draft.id}/submit`, editor, 'POST', { revision: edited.revision, note: '' });
  const reviewer = await signIn(`${url}/api/auth/login`, 'catalogue', password);
  const published = await callApi<ItemVersionDetail>(`${url}/api/service-item-versions/${draft.id}/approve`, reviewer, 'POST', { revision: submitted.revision, note: '压力测试' });
  return published.id;
}

/** Each request: the next citizen's token and application, and a new Idempotency-Key. */
function applications(path: string, citizens: { token: string; body: string }[]): Request {
  let next = 0;
  return {
    path,
    method: 'POST',
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req) => {
          const citizen = citizens[next++ % citizens.length];
          if (!citizen) throw new Error('case submission: no citizens');
          return { ...req, body: citizen.body, headers: { ...req.headers, 'content-type': 'application/json', authorization: `Bearer ${citizen.token}`, 'idempotency-key': crypto.randomUUID() } };
        },
      },
    ],
  };
}

// One version per server, whichever submission scenario runs first.
const published = new Map<string, Promise<string>>();
function paperlessVersion(url: string, password: string): Promise<string> {
  const version = published.get(url) ?? publishPaperlessVersion(url, password);
  published.set(url, version);
  return version;
}

export const caseSubmission: Scenario = {
  name: 'case submission',
  description: 'POST /api/cases (submit: true, Idempotency-Key) by the five demo citizens in turn',
  watchLocks: true,
  async prepare({ zhengtong, password }) {
    const itemVersionId = await paperlessVersion(zhengtong.url, password);
    const citizens = await Promise.all(
      demoCitizens.map(async (c) => ({
        // Zhengtong's session tokens also open the baseline: both derive the session id the same way.
        token: await signIn(`${zhengtong.url}/api/auth/login`, c.phone, password),
        body: JSON.stringify({
          itemVersionId,
          values: {
            operatorName: c.name,
            operatorIdNumber: demoIdNumber(c.region6, c.birth, c.seq),
            applicantPhone: c.phone,
            tradeName: `${Array.from(c.name)[0] ?? ''}记小吃`,
            businessScope: '餐饮服务(小型餐馆);预包装食品销售',
            composition: 'personal',
            premisesRegion: '539902001000',
            premisesAddress: '云溪市澜沧区翠湖路 18 号附 3 号',
          },
          materialChoices: { premisesProof: 'gap' },
          submit: true,
        }),
      })),
    );
    return { zhengtong: applications('/api/cases', citizens), baseline: applications('/cases', citizens) };
  },
};

/** One submission at a time: the latency of a submission, and how long it holds the audit chain lock, unloaded. */
export const caseSubmissionOneAtATime: Scenario = { ...caseSubmission, name: 'case submission (one at a time)', connections: 1 };

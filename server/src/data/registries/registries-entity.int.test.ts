import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLicenseTypeInput, type PublishedDataResource, type RegistrySubjectView } from '@zhengtong/contracts';
import { systemActor } from '../../kernel/authz';
import { createSeal } from '../../platform/seals';
import { createLicenseType } from '../../platform/licenses';
import { makeStaff } from '../../testing';
import { readRecordsByKey } from '../catalogue';
import { announcePublished, call, deliver, makeRegistryWorld, publishEntityRegistry, type RegistryWorld } from './test-support';

// 法人库 from the platform's own sources: the enterprise's registration (统一身份认证) and its 营业执照, mapped to the
// registry, stating values as the issuing department (市场监管局 — the registry's provider, so they count); a revoked
// licence ends the 存续 status.

let w: RegistryWorld;
let entity: PublishedDataResource;
let reviewer = '';
let typeId = '';
const typeCode = `YY${Date.now().toString(36).toUpperCase()}`;

beforeAll(async () => {
  w = await makeRegistryWorld();
  entity = await publishEntityRegistry(w);
  await announcePublished(w, entity);
  await createSeal(w.t.kernel, { actor: systemActor('test'), input: { departmentId: w.market.id, kind: 'licence' } });
  const type = await createLicenseType(w.t.kernel, {
    actor: systemActor('test'),
    input: createLicenseTypeInput.parse({
      code: typeCode,
      name: '营业执照',
      departmentId: w.market.id,
      holderType: 'enterprise',
      fields: [
        { key: 'legalRepresentative', name: '法定代表人', kind: 'text' },
        { key: 'address', name: '住所', kind: 'text' },
        { key: 'registeredOn', name: '成立日期', kind: 'date', isRequired: true },
      ],
      validity: { mode: 'permanent' },
      trustLevel: 'A',
    }),
  });
  typeId = type.id;
  const staff = await makeStaff(w.t.kernel, { departmentId: w.market.id, regionCode: w.tree.city, roles: ['reviewer'] });
  reviewer = await w.t.login(staff.username, staff.password);
}, 60_000);
afterAll(async () => {
  await w.t.close();
});

const record = async () => (await readRecordsByKey(w.t.kernel.db, w.t.kernel.keys, entity, [w.enterprise.creditCode])).get(w.enterprise.creditCode);

describe('法人库 from registrations and licences', () => {
  it('takes the enterprise’s registration as 统一身份认证’s statement (not authoritative for 市场监管局’s fields)', async () => {
    const found = (await call(w.t, w.staff.market, 'GET', `/api/registries/entity/subjects?key=${w.enterprise.creditCode.toLowerCase()}`)).json();
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ key: w.enterprise.creditCode, name: w.enterprise.name, sources: 1 });
    const view = (await call(w.t, w.staff.market, 'GET', `/api/registries/entity/subjects/${found.items[0].id}`)).json() as RegistrySubjectView;
    expect(view.fields.find((f) => f.key === 'legalRepIdNumber')?.sources[0]).toMatchObject({ source: 'identity', isAuthoritative: false, value: expect.stringMatching(/^\d\*+/) });
    // Nobody authoritative has spoken: a record exists only once someone has.
    expect(await record()).toBeUndefined();
  });

  it('maps 营业执照 to the registry: an issued licence states the values as 市场监管局', async () => {
    const mapped = await call(w.t, w.staff.chief, 'PUT', `/api/registries/config/license-sources/${typeCode}`, {
      registry: 'entity',
      mapping: [
        { from: 'holderName', to: 'name' },
        { from: 'fields.legalRepresentative', to: 'legalRepName' },
        { from: 'fields.address', to: 'address' },
        { from: 'fields.registeredOn', to: 'establishedOn' },
        { from: 'status', to: 'status' },
      ],
    });
    expect(mapped.statusCode).toBe(200);
    expect((await call(w.t, w.staff.chief, 'PUT', `/api/registries/config/license-sources/${typeCode}`, { registry: 'entity', mapping: [{ from: 'colour', to: 'name' }] })).statusCode).toBe(400);
    const issued = await call(w.t, reviewer, 'POST', '/api/licenses', {
      typeId,
      holder: { type: 'enterprise', name: w.enterprise.name, creditCode: w.enterprise.creditCode },
      fields: { legalRepresentative: w.citizen.name, address: '测试市测试区创业路 8 号', registeredOn: '2020-05-01' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    await deliver(w.t);
    expect(await record()).toEqual({
      creditCode: w.enterprise.creditCode,
      name: w.enterprise.name,
      legalRepName: w.citizen.name,
      legalRepIdNumber: null,
      address: '测试市测试区创业路 8 号',
      status: '存续',
      establishedOn: '2020-05-01',
    });

    const revoked = await call(w.t, reviewer, 'POST', `/api/licenses/${issued.json().id}/revoke`, { reason: '申请注销登记', version: 1 });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await deliver(w.t);
    expect(await record()).toMatchObject({ status: '注销' });
  });

  it('re-reads every account and licence on a full sync without changing what is current', async () => {
    const before = await record();
    expect((await call(w.t, w.staff.chief, 'POST', '/api/registries/config/sync')).statusCode).toBe(202);
    await deliver(w.t);
    expect(await record()).toEqual(before);
    const jobs = await w.t.kernel.db.selectFrom('jobs').select(['kind', 'status']).where('kind', '=', 'registries.sync-platform').execute();
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
  });
});

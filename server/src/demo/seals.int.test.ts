import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../kernel/ids';
import { sealFor, signWithSeal, verifyWithSeal } from '../platform/seals';
import { createTestApp, type TestApp } from '../testing';
import { demoDepartments, departmentCreditCode } from './people';
import { demoRegions } from './regions';
import { seedDemoSeals } from './seals';

// The demo city's seals on its departments alone (the full city is seeded in demo.int.test.ts).

let t: TestApp;
const idOf = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const r of demoRegions()) await t.kernel.db.insertInto('regions').values({ code: r.code, name: r.name, level: r.level, parent_code: r.parent }).execute();
  for (const d of demoDepartments) {
    const id = newId();
    idOf.set(d.key, id);
    await t.kernel.db.insertInto('departments').values({ id, name: d.name, short_name: d.shortName, credit_code: departmentCreditCode(d.region, d.orgBase), region_code: d.region }).execute();
  }
  await seedDemoSeals(t.kernel);
});
afterAll(async () => t?.close());

async function kindsOf(key: string): Promise<string[]> {
  const rows = await t.kernel.db.selectFrom('seals').select('kind').where('department_id', '=', idOf.get(key) ?? '').where('status', '=', 'active').execute();
  return rows.map((r) => r.kind).sort();
}

describe('the demo city’s seals', () => {
  it('gives every department that offers services a 行政审批专用章, and the licensing ones a 证照专用章 too', async () => {
    for (const key of ['market', 'public-security', 'health', 'transport']) expect(await kindsOf(key), key).toEqual(['approval', 'licence']);
    for (const key of ['hrss', 'housing', 'civil', 'medical', 'qingshi-service']) expect(await kindsOf(key), key).toEqual(['approval']);
    for (const key of ['bigdata', 'gov-service', 'hotline', 'urban']) expect(await kindsOf(key), key).toEqual([]);
    const market = await sealFor(t.kernel.db, idOf.get('market') ?? '', 'approval');
    expect(market.name).toBe('云溪市市场监督管理局行政审批专用章');
    const records = await t.kernel.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'seal.create').execute();
    expect(records).toHaveLength(13);
    expect(new Set(records.map((r) => r.actor_name))).toEqual(new Set(['demo-seed']));
  });

  it('signs with a demo licence seal and verifies against its public key', async () => {
    const seal = await sealFor(t.kernel.db, idOf.get('public-security') ?? '', 'licence');
    const bytes = new TextEncoder().encode('居民户口簿 张三');
    const signed = await signWithSeal(t.kernel.db, t.kernel.keys, seal.id, bytes);
    expect(await verifyWithSeal(t.kernel.db, signed.keyId, bytes, signed.signature)).toMatchObject({ valid: true, status: 'active' });
  });
});

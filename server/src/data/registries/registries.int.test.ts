import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedDataResource, RegistryConflictView, RegistrySubjectView } from '@zhengtong/contracts';
import { readRecordsByKey } from '../catalogue';
import { makeIdNumber } from '../../testing';
import { announcePublished, call, deliver, makeRegistryWorld, publishPersonRegistry, type RegistryWorld } from './test-support';
import { tables } from './tables';

// 人口库: values kept per source before the registry is catalogued, the authoritative record written once it is
// (一数一源: 公安局's values, the mobile number from 统一身份认证 held by the big-data bureau), the cross-check opening
// and closing conflicts, masking and unmasking, and bad input refused with nothing changed.

let w: RegistryWorld;
let person: PublishedDataResource;
const address = '测试市测试区翠湖路 18 号';

beforeAll(async () => {
  w = await makeRegistryWorld();
}, 60_000);
afterAll(async () => {
  await w.t.close();
});

const observe = (token: string, rows: unknown[], query = '') => call(w.t, token, 'POST', `/api/registries/person/observations${query}`, { rows });
const subjectOf = async (idNumber: string) => {
  const res = await call(w.t, w.staff.police, 'GET', `/api/registries/person/subjects?key=${idNumber}`);
  expect(res.statusCode).toBe(200);
  return res.json().items[0] as { id: string; key: string; name: string | null; openConflicts: number };
};
const view = async (id: string, token = w.staff.police, query = '') => (await call(w.t, token, 'GET', `/api/registries/person/subjects/${id}${query}`)).json() as RegistrySubjectView;
const fieldOf = (v: RegistrySubjectView, key: string) => v.fields.find((f) => f.key === key);

describe('人口库 before and after it is catalogued', () => {
  it('keeps every source’s values before the registry is catalogued, without writing records', async () => {
    const res = await observe(w.staff.police, [{ key: w.citizen.idNumber, values: { name: '张测试', gender: '男', birthDate: '1990-01-01', address } }]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ registry: 'person', source: w.police.id, rows: 1, recorded: 4, unchanged: 0, subjects: 1, isRecordWritten: false });
    // Sent again: nothing new.
    expect((await observe(w.staff.police, [{ key: w.citizen.idNumber, values: { name: '张测试' } }])).json()).toMatchObject({ recorded: 0, unchanged: 1 });
    const subject = await subjectOf(w.citizen.idNumber);
    const v = await view(subject.id);
    expect(v.resource).toBeNull();
    // The identity registration (统一身份认证) stated the name and the mobile number.
    expect(fieldOf(v, 'name')?.sources.map((s) => s.source).sort()).toEqual(['identity', w.police.id].sort());
    expect(fieldOf(v, 'mobile')?.sources).toHaveLength(1);
    // Sealed at rest: no value readable in the table.
    const raw = JSON.stringify(await tables(w.t.kernel.db).selectFrom('registry_values').selectAll().execute());
    expect(raw).not.toContain(address);
    expect(raw).not.toContain(w.citizen.phone);
    expect(raw).not.toContain(w.citizen.idNumber);
  });

  it('writes the authoritative records once the registry resource is published (data-resource.published)', async () => {
    // The big-data bureau holds 统一身份认证, so the mobile number it states is authoritative for `mobile`.
    const set = await call(w.t, w.staff.chief, 'PUT', '/api/registries/config/systems/identity', { departmentId: w.bigdata.id });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual([expect.objectContaining({ key: 'identity', departmentId: w.bigdata.id })]);
    person = await publishPersonRegistry(w);
    await announcePublished(w, person);
    const records = await readRecordsByKey(w.t.kernel.db, w.t.kernel.keys, person, [w.citizen.idNumber, w.other.idNumber]);
    expect(records.get(w.citizen.idNumber)).toEqual({ idNumber: w.citizen.idNumber, name: '张测试', gender: '男', birthDate: '1990-01-01', address, mobile: w.citizen.phone });
    // The other citizen has only 统一身份认证's values: the mobile number counts, the name waits for 公安局.
    expect(records.get(w.other.idNumber)).toEqual({ idNumber: w.other.idNumber, name: null, gender: null, birthDate: null, address: null, mobile: w.other.phone });
    const v = await view((await subjectOf(w.citizen.idNumber)).id);
    expect(v.resource?.id).toBe(person.id);
    expect(fieldOf(v, 'address')).toMatchObject({ authoritativeDepartmentId: w.police.id, hasAuthoritativeValue: true });
    expect(fieldOf(v, 'mobile')).toMatchObject({ authoritativeDepartmentId: w.bigdata.id, hasAuthoritativeValue: true });
    expect(fieldOf(v, 'mobile')?.sources[0]).toMatchObject({ source: 'identity', isAuthoritative: true });
  });

  it('writes the record from a new upload at once, the authoritative source winning over others', async () => {
    const idNumber = makeIdNumber();
    expect((await observe(w.staff.hrss, [{ key: idNumber, values: { name: '李社保', address: '人社局的地址' } }])).json()).toMatchObject({ isRecordWritten: false });
    expect((await readRecordsByKey(w.t.kernel.db, w.t.kernel.keys, person, [idNumber])).size).toBe(0);
    expect((await observe(w.staff.police, [{ key: idNumber.toLowerCase(), values: { name: '李四', address: '公安局的地址' } }])).json()).toMatchObject({ isRecordWritten: true });
    expect((await readRecordsByKey(w.t.kernel.db, w.t.kernel.keys, person, [idNumber])).get(idNumber)).toMatchObject({ name: '李四', address: '公安局的地址' });
    // An older observation than the one on record does not replace it (动态更新).
    await observe(w.staff.police, [{ key: idNumber, values: { name: '李旧名' }, observedAt: '2001-01-01T00:00:00+08:00' }]);
    expect((await readRecordsByKey(w.t.kernel.db, w.t.kernel.keys, person, [idNumber])).get(idNumber)).toMatchObject({ name: '李四' });
  });
});

describe('多元校核', () => {
  it('finds a source that differs from the authority, reports it masked, and closes it when they agree again', async () => {
    await observe(w.staff.hrss, [{ key: w.citizen.idNumber, values: { address: '测试市测试区滨江路 2 号', name: '张测试' } }]);
    const run = await call(w.t, w.staff.police, 'POST', '/api/registries/person/cross-check');
    expect(run.statusCode).toBe(200);
    expect(run.json().opened).toBeGreaterThanOrEqual(1);
    const list = (await call(w.t, w.staff.chief, 'GET', `/api/registries/person/conflicts?source=${w.hrss.id}`)).json() as { items: RegistryConflictView[]; total: number };
    const conflict = list.items.find((c) => c.fieldKey === 'address' && c.subjectKey.endsWith(w.citizen.idNumber.slice(-2)));
    expect(conflict).toMatchObject({ status: 'open', source: w.hrss.id, authoritativeSource: w.police.id, fieldName: '户籍地址' });
    // Masked: the address shows only its start, the ID number its ends.
    expect(conflict?.sourceValue).toBe('测试市测试区****');
    expect(conflict?.subjectKey).toMatch(/^\d\*{15}[\dX]{2}$/);
    expect(conflict?.subjectName).toBe('张**');
    // The same name is no conflict.
    expect(list.items.some((c) => c.subjectId === conflict?.subjectId && c.fieldKey === 'name')).toBe(false);
    const summary = (await call(w.t, w.staff.chief, 'GET', '/api/registries/person/conflicts/summary')).json();
    expect(summary).toMatchObject({ registry: 'person', isCatalogued: true });
    expect(summary.byField).toEqual(expect.arrayContaining([expect.objectContaining({ fieldKey: 'address', fieldName: '户籍地址' })]));
    expect(summary.lastRun).toMatchObject({ trigger: expect.any(String) });
    const withConflicts = (await call(w.t, w.staff.police, 'GET', '/api/registries/person/subjects?hasConflicts=true')).json();
    expect(withConflicts.items.map((s: { id: string }) => s.id)).toContain(conflict?.subjectId);
    expect((await call(w.t, w.staff.police, 'GET', '/api/registries/person/subjects?hasConflicts=false')).json().items.map((s: { id: string }) => s.id)).not.toContain(conflict?.subjectId);
    const v = await view(conflict?.subjectId ?? '');
    expect(fieldOf(v, 'address')?.openConflicts).toBe(1);
    expect(fieldOf(v, 'address')?.sources.find((s) => s.source === w.hrss.id)).toMatchObject({ isAuthoritative: false, agrees: false });

    // 人社局 corrects its copy; the scheduled check (the recurring job) closes the conflict by itself.
    await observe(w.staff.hrss, [{ key: w.citizen.idNumber, values: { address: address.replace(/ /g, '') } }]);
    await w.t.kernel.db.updateTable('recurring_jobs').set({ next_run_at: new Date(0) }).where('name', '=', 'registries.cross-check').execute();
    await deliver(w.t);
    const resolved = (await call(w.t, w.staff.chief, 'GET', `/api/registries/person/conflicts?status=resolved`)).json() as { items: RegistryConflictView[] };
    expect(resolved.items.find((c) => c.id === conflict?.id)).toMatchObject({ status: 'resolved', resolution: 'agreed' });
    expect((await view(conflict?.subjectId ?? '')).fields.find((f) => f.key === 'address')?.openConflicts).toBe(0);
  });
});

describe('reading the registry', () => {
  it('masks by default; unmasking needs person.unmask and is audited', async () => {
    const subject = await subjectOf(w.citizen.idNumber);
    expect(subject.name).toBe('张**');
    const masked = await view(subject.id);
    expect(masked.isMasked).toBe(true);
    expect(fieldOf(masked, 'mobile')?.value).toBe(`${w.citizen.phone.slice(0, 3)}****${w.citizen.phone.slice(-4)}`);
    expect((await call(w.t, w.staff.police, 'GET', `/api/registries/person/subjects/${subject.id}?unmask=true`)).statusCode).toBe(403);
    const whole = await view(subject.id, w.staff.unmasker, '?unmask=true');
    expect(whole).toMatchObject({ isMasked: false, key: w.citizen.idNumber });
    expect(fieldOf(whole, 'address')?.value).toBe(address);
    const trail = await w.t.kernel.db.selectFrom('audit_log').select(['action', 'object_id']).where('action', '=', 'registry.unmask').execute();
    expect(trail).toEqual([{ action: 'registry.unmask', object_id: subject.id }]);
    // A search by key is audited too.
    expect((await w.t.kernel.db.selectFrom('audit_log').select('action').where('action', '=', 'registry.search').execute()).length).toBeGreaterThan(0);
  });

  it('refuses bad input with reasons and changes nothing', async () => {
    const before = await tables(w.t.kernel.db).selectFrom('registry_values').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const bad = await observe(w.staff.police, [
      { key: makeIdNumber(), values: { name: '好的' } },
      { key: '539902199001011234', values: { colour: '红' } },
      { key: makeIdNumber(), values: { birthDate: '1990-02-30', idNumber: 'x' } },
    ]);
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().errors as { field: string; code: string; message: string }[]).map((e) => `${e.field}:${e.code}`);
    expect(fields).toEqual(expect.arrayContaining(['rows.1.key:idNumber.checksum', 'rows.1.values.colour:registry.fieldUnknown', 'rows.2.values.birthDate:registry.valueType.date', 'rows.2.values.idNumber:registry.keyFieldValue']));
    expect(bad.json().errors[0].message).not.toBe(bad.json().errors[0].code);
    const after = await tables(w.t.kernel.db).selectFrom('registry_values').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await call(w.t, w.staff.police, 'POST', '/api/registries/people/observations', { rows: [] })).statusCode).toBe(400);
    expect((await call(w.t, w.staff.police, 'POST', '/api/registries/person/observations', { rows: [] })).statusCode).toBe(400);
    expect((await call(w.t, w.staff.police, 'GET', '/api/registries/person/subjects?key=123')).statusCode).toBe(400);
    expect((await call(w.t, w.staff.police, 'GET', '/api/registries/person/subjects/not-a-uuid')).statusCode).toBe(400);
    expect((await call(w.t, w.staff.police, 'GET', '/api/registries/person/subjects/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    // A dry run checks and counts but records nothing.
    const dry = await observe(w.staff.police, [{ key: makeIdNumber(), values: { name: '试运行' } }], '?dryRun=true');
    expect(dry.json()).toMatchObject({ dryRun: true, recorded: 1 });
    const still = await tables(w.t.kernel.db).selectFrom('registry_values').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(still.n).toBe(before.n);
  });

  it('takes CSV and XLSX files with fields headed by their names', async () => {
    const idNumber = makeIdNumber();
    const csv = `身份证号,姓名,户籍地址,观测时间\n${idNumber},"王,文件",测试市测试区文件路 1 号,2026-01-02T08:00:00+08:00\n`;
    const boundary = 'registry-boundary';
    const body = (name: string, type: string, content: Buffer | string) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const upload = (name: string, type: string, content: Buffer | string) =>
      w.t.as(w.staff.police, { method: 'POST', url: '/api/registries/person/observations/file', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body(name, type, content) });
    const res = await upload('values.csv', 'text/csv', csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, recorded: 2, isRecordWritten: true });
    expect((await readRecordsByKey(w.t.kernel.db, w.t.kernel.keys, person, [idNumber])).get(idNumber)).toMatchObject({ name: '王,文件', address: '测试市测试区文件路 1 号' });
    const unknown = await upload('values.csv', 'text/csv', `身份证号,血型\n${idNumber},A\n`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('血型');
    expect((await upload('values.txt', 'text/plain', 'x')).statusCode).toBe(415);
    const { writeSheet } = await import('../../kernel/spreadsheet');
    const xlsx = await writeSheet('数据', [{ key: 'id', header: '公民身份号码', width: 20, isText: true }, { key: 'gender', header: '性别', width: 8 }], [{ id: idNumber, gender: '女' }]);
    const fromSheet = await upload('values.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx);
    expect(fromSheet.statusCode).toBe(200);
    expect((await readRecordsByKey(w.t.kernel.db, w.t.kernel.keys, person, [idNumber])).get(idNumber)).toMatchObject({ gender: '女' });
  });
});

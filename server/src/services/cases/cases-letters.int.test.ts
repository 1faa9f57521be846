import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';
import { systemActor } from '../../kernel/authz';
import { inspectPdf } from '../../kernel/pdf/inspect';
import { createSeal } from '../../platform/seals';
import { makeCaseWorld, multipartFile, registerCitizen, samplePdf, staffAct, submittedCase, type CaseJson, type CaseWorld, type Citizen } from './test-support';

// Decision letters carry the department's 行政审批专用章 and an SM2 signature over their exact bytes; anyone can check a
// letter they were handed, and a changed byte is caught.

let t: TestApp;
let dataDir: string;
let world: CaseWorld;
let alice: Citizen;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-letters-'));
  t = await createTestApp({ dataDir });
  world = await makeCaseWorld(t);
  alice = await registerCitizen(t);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function refusedLetter(): Promise<{ c: CaseJson; bytes: Buffer }> {
  const c = await submittedCase(t, alice, world.versionId);
  const refused = await staffAct(t, world.tokens.clerk, c, 'refuse', { reason: '申请人不属于本辖区户籍' });
  const res = await t.as(alice.token, { method: 'GET', url: `/api/cases/${c.id}/decision.pdf` });
  expect(res.statusCode).toBe(200);
  return { c: refused, bytes: res.rawPayload };
}

const verify = (bytes: Buffer) => t.app.inject({ method: 'POST', url: '/api/case-documents/verify', ...multipartFile(bytes, 'letter.pdf') });

describe('sealed decision letters', () => {
  it('without a seal the letter says so and verifies as genuine but unsigned', async () => {
    const { c, bytes } = await refusedLetter();
    expect(inspectPdf(bytes).text).toContain('尚未启用电子印章');
    expect((await verify(bytes)).json()).toMatchObject({ verdict: 'unsigned', isAuthentic: false, caseNumber: c.caseNumber });
  });

  it('with a seal the letter is stamped and signed; the original verifies, a changed byte does not, and each use is audited', async () => {
    const seal = await createSeal(t.kernel, { actor: systemActor('test'), input: { departmentId: world.departmentId, kind: 'approval' } });
    const { c, bytes } = await refusedLetter();
    const text = inspectPdf(bytes).text;
    expect(text).toContain('行政审批专用章');
    expect(text).toContain('SM2 数字签名');

    const ok = await verify(bytes);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ verdict: 'authentic', isAuthentic: true, caseNumber: c.caseNumber, resultKind: 'refused', seal: { keyId: seal.keyId, status: 'active' } });
    expect(JSON.stringify(ok.json())).not.toContain(alice.name);

    const changed = Buffer.from(bytes);
    changed[Math.floor(changed.length / 2)] = (changed[Math.floor(changed.length / 2)] ?? 0) ^ 0x01;
    expect((await verify(changed)).json()).toMatchObject({ verdict: 'unknownDocument', isAuthentic: false, caseNumber: null });
    expect((await verify(samplePdf('伪造'))).json().verdict).toBe('unknownDocument');

    const uses = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'seal.use').where('object_id', '=', seal.id).execute();
    expect(uses.map((u) => u.detail.caseId)).toContain(c.id);
    const checks = await t.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'case-document.verify').execute();
    expect(checks.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a request without a file', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/case-documents/verify', payload: { file: 'x' } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});

import { licenseMinimalData, parseIdNumber, parseCreditCode, type LicenseListQuery, type LicenseQrView, type LicenseSummary, type LicenseView, type MyLicenseQuery } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError } from '../../kernel/errors';
import { lookupIndex } from '../identity';
import { findSealByKey } from '../seals';
import { readerOf, requireHolder, staffDepartmentOf } from './access';
import { findLicense, findType, historyOf, listLicenseRows, type LicenseFilter, type LicenseRecord } from './repo';
import { qrPayload, qrUrl } from './qr';
import { toLicenseView, toSummary } from './views';
import { todayInBeijing } from './workflow';

// Reading licences: the issuing department's list and detail, the holder's wallet (证照夹), and the QR payload.

export const licenseNotFound = () => new AppError('NOT_FOUND', { detail: 'license.notFound' });

export async function getLicenseRow(kernel: Kernel, id: string): Promise<LicenseRecord> {
  const row = await findLicense(kernel.db, id);
  if (!row) throw licenseNotFound();
  return row;
}

async function sealNameOf(kernel: Kernel, row: LicenseRecord): Promise<string> {
  return (await findSealByKey(kernel.db, row.seal_key_id))?.name ?? '';
}

/** The holder's or the issuing department's view; staff reads are audited (the licence carries personal data). */
export async function getLicense(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<LicenseView> {
  const row = await getLicenseRow(kernel, id);
  const reader = await readerOf(kernel.db, actor, row);
  if (reader.perspective === 'staff' && actor.kind === 'account') {
    await inTransaction(kernel.db, (tx) => audit(tx, actor, { action: 'license.read', objectType: 'license', objectId: id, detail: { identifier: row.identifier } }));
  }
  return licenseViewOf(kernel, row, reader.perspective);
}

export async function licenseViewOf(kernel: Kernel, row: LicenseRecord, perspective: 'holder' | 'staff'): Promise<LicenseView> {
  const [type, history, sealName] = [await findType(kernel.db, row.type_id), await historyOf(kernel.db, row.id), await sealNameOf(kernel, row)];
  return toLicenseView(kernel.keys, row, { today: todayInBeijing(), type, history, sealName, perspective });
}

/** The issuing department's licences (the platform sees all). */
export async function listLicenses(kernel: Kernel, { actor, query }: { actor: Actor; query: LicenseListQuery }): Promise<{ items: LicenseSummary[]; total: number }> {
  const departmentId = staffDepartmentOf(actor, 'license.read');
  const filter: LicenseFilter = {
    issuerDepartmentIds: departmentId === undefined ? undefined : [departmentId],
    status: query.status,
    today: todayInBeijing(),
    typeId: query.typeId,
    source: query.source,
    identifierPrefix: query.identifier?.toUpperCase(),
    holderNamePrefix: query.holderName,
  };
  if (query.holderNumber) {
    const person = parseIdNumber(query.holderNumber);
    const organisation = parseCreditCode(query.holderNumber);
    // A number that is neither a valid 身份证号 nor credit code matches nothing (and is not looked up).
    if (person.ok) filter.holderIdIdx = lookupIndex(kernel.keys, 'idNumber', person.value);
    else if (organisation.ok) filter.holderCreditCode = organisation.value;
    else return { items: [], total: 0 };
  }
  const { rows, total } = await listLicenseRows(kernel.db, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: rows.map((r) => toSummary(kernel.keys, r, filter.today)), total };
}

/** 证照夹: the citizen's own licences, or the enterprise's for its account and its authorised agents. */
export async function listMyLicenses(kernel: Kernel, { actor, query }: { actor: Actor; query: MyLicenseQuery }): Promise<{ items: LicenseSummary[]; total: number }> {
  const keys = await requireHolder(kernel.db, actor);
  const today = todayInBeijing();
  const { rows, total } = await listLicenseRows(kernel.db, { holder: keys, status: query.status, today }, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: rows.map((r) => toSummary(kernel.keys, r, today)), total };
}

/** The QR payload and URL of a licence, for its holder (to show on a phone) and the issuing department. */
export async function getLicenseQr(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<LicenseQrView> {
  const row = await getLicenseRow(kernel, id);
  await readerOf(kernel.db, actor, row);
  return qrViewOf(kernel, row);
}

export function qrViewOf(kernel: Kernel, row: Pick<LicenseRecord, 'id' | 'signed_data' | 'seal_key_id' | 'signature'>): LicenseQrView {
  const payload = qrPayload(row.signed_data, row.seal_key_id, row.signature);
  return { payload, url: qrUrl(kernel.config.publicUrl, row.id, payload), keyId: row.seal_key_id, data: licenseMinimalData.parse(JSON.parse(row.signed_data)) };
}

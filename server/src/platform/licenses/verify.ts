import { sql } from 'kysely';
import { parseLicenseQr, type LicensePdfVerdict, type LicensePublicView, type LicenseQrVerdict, type LicenseVerificationView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { toLocalDate } from '../../kernel/calendar';
import { sm3Hex } from '../../kernel/crypto';
import { AppError } from '../../kernel/errors';
import type { Queryable } from '../../kernel/db';
import { findDepartment } from '../departments';
import { verifyWithSeal, type SealVerdict } from '../seals';
import { findLicenseByIdentifier, findLicenseByPdf, type LicenseRecord } from './repo';
import { tables } from './tables';
import { toPublicView } from './views';
import { todayInBeijing } from './workflow';

// Verification without signing in (核验). The online check (GET by the licence's public id, behind the QR code's URL)
// is one indexed lookup and one log insert in a single statement — no signature maths on that path, so it stays
// cheap under load. A scanned QR payload and an uploaded PDF are checked against the seal's SM2 signature. Every
// check is logged in license_verifications (a log of its own: it never takes the audit chain's lock).

export type Verifier = { actor: Actor; userAgent: string | undefined };

function verifierOf(v: Verifier) {
  return {
    verifier_account_id: v.actor.kind === 'account' ? v.actor.accountId : null,
    ip: v.actor.context.ip,
    user_agent: v.userAgent ? v.userAgent.slice(0, 200) : null,
  };
}

async function logVerification(db: Queryable, v: Verifier, entry: { licenseId: string | null; channel: 'qr' | 'pdf'; result: string }): Promise<void> {
  await tables(db)
    .insertInto('license_verifications')
    .values({ license_id: entry.licenseId, channel: entry.channel, result: entry.result, ...verifierOf(v) })
    .execute();
}

type PublicRow = Pick<LicenseRecord, 'id' | 'identifier' | 'type_name' | 'holder_type' | 'holder_name' | 'issuer_name' | 'issuer_credit_code' | 'valid_from' | 'valid_to' | 'issued_at' | 'status' | 'status_changed_at'>;

/**
 * GET /api/licenses/verify/:id — the licence's public facts and its status as of now (expired the day after its last
 * valid day even before the daily job records it). Lookup and log in one round trip.
 */
export async function verifyOnline(kernel: Kernel, { id, verifier }: { id: string; verifier: Verifier }): Promise<LicensePublicView> {
  const who = verifierOf(verifier);
  const today = todayInBeijing();
  // One round trip, plans cached per connection (0012_licenses.sql, license_verify_online).
  const { rows } = await sql<PublicRow>`select * from license_verify_online(${id}::uuid, ${today}::date, ${who.verifier_account_id}::uuid, ${who.ip}, ${who.user_agent})`.execute(kernel.db);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', { detail: 'license.notFound' });
  return toPublicView(row, new Date());
}

/** A seal revoked before it signed the licence never vouched for it; one revoked later still does. */
function revokedBeforeIssue(verdict: SealVerdict, issued: { at: Date } | { day: string }): boolean {
  const revokedAt = verdict.seal?.revokedAt;
  if (!revokedAt) return false;
  return 'at' in issued ? new Date(revokedAt) < issued.at : toLocalDate(new Date(revokedAt)) < issued.day;
}

async function sealOf(db: Queryable, verdict: SealVerdict) {
  if (!verdict.seal) return null;
  const department = await findDepartment(db, verdict.seal.departmentId);
  return { name: verdict.seal.name, keyId: verdict.keyId, status: verdict.status, departmentName: department?.name ?? '' };
}

/** POST /api/licenses/verify/qr — is this scanned payload one the platform signed, unchanged? And the status now. */
export async function verifyQr(kernel: Kernel, { payload, verifier }: { payload: string; verifier: Verifier }): Promise<LicenseQrVerdict> {
  const parsed = parseLicenseQr(payload);
  if (!parsed) {
    await logVerification(kernel.db, verifier, { licenseId: null, channel: 'qr', result: 'malformed' });
    return { verdict: 'malformed', isAuthentic: false, data: null, seal: null, license: null };
  }
  const checked = await verifyWithSeal(kernel.db, parsed.keyId, parsed.dataBytes, parsed.signatureHex);
  const row = await findLicenseByIdentifier(kernel.db, parsed.data.id);
  const license = row ? toPublicView(row, new Date()) : null;
  const issued = row ? { at: row.signed_at } : { day: parsed.data.d };
  const verdict = checked.status === 'unknown' ? 'unknownKey' : !checked.valid ? 'tampered' : revokedBeforeIssue(checked, issued) ? 'sealRevoked' : 'authentic';
  await logVerification(kernel.db, verifier, { licenseId: row?.id ?? null, channel: 'qr', result: `${verdict}:${license?.status ?? 'notFound'}` });
  return { verdict, isAuthentic: verdict === 'authentic', data: parsed.data, seal: await sealOf(kernel.db, checked), license };
}

/** POST /api/licenses/verify/pdf — is this file a licence PDF the platform issued, not one byte changed? */
export async function verifyPdf(kernel: Kernel, { bytes, verifier }: { bytes: Buffer; verifier: Verifier }): Promise<LicensePdfVerdict> {
  const row = await findLicenseByPdf(kernel.db, sm3Hex(bytes));
  if (!row || !row.pdf_seal_key_id || !row.pdf_signature) {
    await logVerification(kernel.db, verifier, { licenseId: null, channel: 'pdf', result: 'unknownDocument' });
    return { verdict: 'unknownDocument', isAuthentic: false, seal: null, license: null };
  }
  const checked = await verifyWithSeal(kernel.db, row.pdf_seal_key_id, bytes, row.pdf_signature);
  const license = toPublicView(row, new Date());
  const verdict = !checked.valid ? 'badSignature' : revokedBeforeIssue(checked, { at: row.signed_at }) ? 'sealRevoked' : 'authentic';
  await logVerification(kernel.db, verifier, { licenseId: row.id, channel: 'pdf', result: `${verdict}:${license.status}` });
  return { verdict, isAuthentic: verdict === 'authentic', seal: await sealOf(kernel.db, checked), license };
}

/** The verification log of one licence, newest first, for its issuing department. */
export async function listVerifications(db: Queryable, licenseId: string, page: { limit: number; offset: number }): Promise<{ items: LicenseVerificationView[]; total: number }> {
  const query = tables(db).selectFrom('license_verifications').where('license_id', '=', licenseId);
  const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
  return {
    items: rows.map((r) => ({ id: String(r.id), channel: r.channel, result: r.result, verifierAccountId: r.verifier_account_id, ip: r.ip, userAgent: r.user_agent, at: r.at.toISOString() })),
    total: Number(counted.n),
  };
}

import { licenseImportColumns, parseCreditCode, parseIdNumber, type LicenseImportReport, type LicenseImportRow } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { emit } from '../../kernel/outbox';
import { AppError, invalid, type FieldIssue } from '../../kernel/errors';
import { endOfLocalDay } from '../../kernel/calendar';
import { translate } from '../../kernel/i18n';
import type { Queryable, Row } from '../../kernel/db';
import { findDepartment } from '../departments';
import { protect } from '../identity';
import { sealFor, withSealSigner, type SealSignature, type SealSigner } from '../seals';
import { assertIssuesType } from './access';
import { checkFields, isRealDate, resolveValidity } from './fields';
import { type Holder } from './holders';
import { licenseRows, licenseText, type IssueFacts, type LicenseText } from './issue';
import type { ImportRow } from './import-file';
import { existingOriginals, findType, insertActions, reserveSerials, type LicenseTypeRow } from './repo';
import { todayInBeijing } from './workflow';
import { tables, type NewLicenseRow } from './tables';

// 历史证照电子化: a department turns its back catalogue of paper licences into signed electronic ones. Each row is
// checked on its own; good rows are issued, bad rows reported with the reason per column, rows imported before (same
// 原证照编号 for the type and issuer) are reported with their identifier and never issued twice. Built for volume:
// the seal's private key is decrypted once per import, rows are signed and inserted a batch per transaction, and
// each batch writes one audit record (and one for the seal's use) and one license.imported event.

/** Rows per transaction: big enough to amortise the round trips, small enough to stay under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;
const MAX_REPORTED_ROWS = 10_000;

type RowIssue = FieldIssue & { params?: Record<string, string | number> };
type Checked = { row: ImportRow; facts: IssueFacts } | { row: ImportRow; issues: RowIssue[] };

const columnOf = (type: LicenseTypeRow, field: string): string => {
  if (field in licenseImportColumns) return licenseImportColumns[field as keyof typeof licenseImportColumns];
  if (field.startsWith('fields.')) return type.fields.find((f) => f.key === field.slice(7))?.name ?? field;
  return field;
};

/** Checks one row against the type; the facts to issue it, or its problems. */
function checkRow(keys: Kernel['keys'], type: LicenseTypeRow, issuer: Row<'departments'>, row: ImportRow): Checked {
  const issues: RowIssue[] = [];
  if (row.originalNumber === '') issues.push({ field: 'originalNumber', code: 'required' });
  else if (Array.from(row.originalNumber).length > 100) issues.push({ field: 'originalNumber', code: 'too_big' });
  if (row.holderName === '') issues.push({ field: 'holderName', code: 'required' });
  else if (Array.from(row.holderName).length > 100) issues.push({ field: 'holderName', code: 'too_big' });
  let holder: Holder | undefined;
  let holderNumber = row.holderNumber;
  if (type.holder_type === 'person') {
    const parsed = parseIdNumber(row.holderNumber);
    if (!parsed.ok) issues.push({ field: 'holderNumber', code: `idNumber.${parsed.reason}` });
    else {
      const sealed = protect(keys, 'idNumber', parsed.value);
      holder = { type: 'person', name: row.holderName, idEnc: sealed.enc, idIdx: sealed.idx, creditCode: null, accountId: null, enterpriseId: null };
      holderNumber = parsed.value;
    }
  } else {
    const parsed = parseCreditCode(row.holderNumber);
    if (!parsed.ok) issues.push({ field: 'holderNumber', code: `creditCode.${parsed.reason}` });
    else {
      holder = { type: 'enterprise', name: row.holderName, idEnc: null, idIdx: null, creditCode: parsed.value, accountId: null, enterpriseId: null };
      holderNumber = parsed.value;
    }
  }
  if (row.validFrom === '') issues.push({ field: 'validFrom', code: 'required' });
  else if (!isRealDate(row.validFrom)) issues.push({ field: 'validFrom', code: 'license.fieldDate' });
  if (row.validTo !== '' && !isRealDate(row.validTo)) issues.push({ field: 'validTo', code: 'license.fieldDate' });
  if (row.issuedOn !== '' && !isRealDate(row.issuedOn)) issues.push({ field: 'issuedOn', code: 'license.fieldDate' });
  else if (row.issuedOn > todayInBeijing()) issues.push({ field: 'issuedOn', code: 'license.issuedInFuture' });
  const checked = checkFields(type, row.fields);
  issues.push(...checked.issues);
  if (issues.length > 0 || !holder) return { row, issues };
  const validity = resolveValidity(type, { validFrom: row.validFrom, validTo: row.validTo || null }, checked.values);
  if (validity.issues.length > 0) return { row, issues: validity.issues };
  // A historical licence keeps its own date of issue (the end of that day in Beijing, so it reads as that day anywhere).
  const issuedAt = row.issuedOn ? endOfLocalDay(row.issuedOn) : new Date();
  return {
    row,
    facts: { type, issuer, holder, holderNumber, fields: checked.values, validFrom: validity.validFrom, validTo: validity.validTo, issuedAt, source: 'import', originalNumber: row.originalNumber },
  };
}

type SignedBatch = { facts: IssueFacts[]; firstSerial: number; texts: LicenseText[]; signatures: SealSignature[] };

/** Identifiers and signatures of a batch whose serials start at `firstSerial`; the signing runs on the seal's threads. */
async function signBatch(signer: SealSigner, facts: IssueFacts[], firstSerial: number): Promise<SignedBatch> {
  const texts = facts.map((f, i) => licenseText(f, firstSerial + i));
  const signatures = await signer.signMany(texts.map((t) => Buffer.from(t.signedData, 'utf8')));
  return { facts, firstSerial, texts, signatures };
}

/** Writes one signed batch in one transaction; returns the identifier per original number (new or imported meanwhile). */
async function insertBatch(kernel: Kernel, actor: Actor, signer: SealSigner, batch: SignedBatch): Promise<Map<string, { identifier: string; isNew: boolean }>> {
  const first = batch.facts[0];
  if (!first) return new Map();
  return inTransaction(kernel.db, async (tx) => {
    const built = batch.facts.map((facts, i) => {
      const text = batch.texts[i];
      const signature = batch.signatures[i];
      if (!text || !signature) throw new Error('signed batch is incomplete');
      return licenseRows(facts, batch.firstSerial + i, text, signature, actor);
    });
    // Two imports of the same file at once: the unique original number lets each licence in only once.
    const inserted = await tables(tx)
      .insertInto('licenses')
      .values(built.map((b) => b.row))
      .onConflict((oc) => oc.columns(['type_id', 'issuer_department_id', 'original_number']).where('original_number', 'is not', null).doNothing())
      .returning(['id', 'identifier', 'original_number'])
      .execute();
    const insertedIds = new Set(inserted.map((r) => r.id));
    const rows = built.filter((b) => insertedIds.has(b.row.id));
    await insertActions(tx, rows.map((b) => b.action));
    const result = new Map(inserted.map((r) => [r.original_number ?? '', { identifier: r.identifier, isNew: true }]));
    const lost = batch.facts.filter((f) => !result.has(f.originalNumber ?? ''));
    for (const [number, identifier] of await existingOriginals(tx, first.type.id, first.issuer.id, lost.map((f) => f.originalNumber ?? ''))) result.set(number, { identifier, isNew: false });
    if (rows.length > 0) await recordBatch(tx, actor, signer, rows.map((b) => b.row));
    return result;
  });
}

async function recordBatch(tx: Queryable, actor: Actor, signer: SealSigner, rows: NewLicenseRow<'licenses'>[]): Promise<void> {
  const [first] = rows;
  const last = rows[rows.length - 1];
  if (!first || !last) return;
  const detail = { typeCode: first.type_code, issuerDepartmentId: first.issuer_department_id, count: rows.length, firstIdentifier: first.identifier, lastIdentifier: last.identifier };
  await audit(tx, actor, { action: 'license.import', objectType: 'license-type', objectId: first.type_id, detail });
  await audit(tx, actor, { action: 'seal.use', objectType: 'seal', objectId: signer.seal.id, detail: { keyId: signer.seal.keyId, document: 'license', ...detail } });
  // One event per batch rather than per licence: subscribers get every id (a 1,000-row batch is ~40 kB).
  await emit(tx, 'license.imported', { typeId: first.type_id, ...detail, licenses: rows.map((r) => ({ id: r.id, identifier: r.identifier })) });
}

/** The type to import into and its issuing department, once the actor is known to be that department's issuer. */
export async function importTarget(kernel: Kernel, { actor, typeId }: { actor: Actor; typeId: string }): Promise<{ type: LicenseTypeRow; issuer: Row<'departments'> }> {
  const type = await findType(kernel.db, typeId);
  if (!type) throw invalid([{ field: 'typeId', code: 'license.typeNotFound' }]);
  const issuer = await findDepartment(kernel.db, type.department_id);
  if (!issuer) throw invalid([{ field: 'typeId', code: 'license.typeNotFound' }]);
  assertIssuesType(actor, type, issuer);
  if (!type.is_active) throw invalid([{ field: 'typeId', code: 'license.typeInactive' }]);
  return { type, issuer };
}

/**
 * Imports historical licences of a type for its issuing department. Usable without HTTP (bench/ calls it with
 * generated rows). Rows are reported in the actor's language: errors first, then the rest, at most 10,000.
 */
export async function importLicenses(kernel: Kernel, { actor, typeId, rows, dryRun = false }: { actor: Actor; typeId: string; rows: ImportRow[]; dryRun?: boolean }): Promise<LicenseImportReport> {
  const started = Date.now();
  const { type, issuer } = await importTarget(kernel, { actor, typeId });
  const locale = actor.context.locale;

  const report: LicenseImportRow[] = [];
  const reportRow = (row: ImportRow, outcome: LicenseImportRow['outcome'], identifier: string | null, issues: RowIssue[] = []) =>
    report.push({ row: row.row, originalNumber: row.originalNumber, outcome, identifier, errors: issues.map((i) => ({ field: i.field, column: columnOf(type, i.field), code: i.code, message: translate(i.code, locale, i.params) })) });

  const firstRowOf = new Map<string, number>();
  const good: { row: ImportRow; facts: IssueFacts }[] = [];
  for (const row of rows) {
    const checked = checkRow(kernel.keys, type, issuer, row);
    const seenAt = row.originalNumber ? firstRowOf.get(row.originalNumber) : undefined;
    if (seenAt !== undefined) {
      reportRow(row, 'invalid', null, [{ field: 'originalNumber', code: 'license.import.duplicateInFile', params: { row: seenAt } }]);
      continue;
    }
    if (row.originalNumber) firstRowOf.set(row.originalNumber, row.row);
    if ('issues' in checked) reportRow(row, 'invalid', null, checked.issues);
    else good.push(checked);
  }

  // Rows imported before are answered with their identifier, whatever the rest of the row says now.
  const fresh: { row: ImportRow; facts: IssueFacts }[] = [];
  for (let i = 0; i < good.length; i += BATCH) {
    const slice = good.slice(i, i + BATCH);
    const existing = await existingOriginals(kernel.db, type.id, issuer.id, slice.map((g) => g.row.originalNumber));
    for (const g of slice) {
      const identifier = existing.get(g.row.originalNumber);
      if (identifier) reportRow(g.row, 'existing', identifier);
      else fresh.push(g);
    }
  }

  if (dryRun) {
    // Checking the seal too: a dry run that passes should not fail for want of a 证照专用章.
    if (fresh.length > 0) await sealFor(kernel.db, issuer.id, 'licence');
    for (const g of fresh) reportRow(g.row, 'checked', null);
  } else if (fresh.length > 0) {
    const seal = await sealFor(kernel.db, issuer.id, 'licence');
    await withSealSigner(kernel.db, kernel.keys, seal.id, async (signer) => {
      // Serials for the whole import at once (a failed or raced batch leaves a gap, never a duplicate), so the next
      // batch is signed on the signing threads while the current one is written.
      const firstSerial = await inTransaction(kernel.db, (tx) => reserveSerials(tx, type.id, issuer.id, fresh.length));
      const batches = Array.from({ length: Math.ceil(fresh.length / BATCH) }, (_, i) => fresh.slice(i * BATCH, (i + 1) * BATCH));
      const sign = (i: number) => {
        const signing = signBatch(signer, (batches[i] ?? []).map((g) => g.facts), firstSerial + i * BATCH);
        signing.catch(() => undefined);
        return signing;
      };
      let next = sign(0);
      for (const [i, slice] of batches.entries()) {
        const signed = await next;
        if (i + 1 < batches.length) next = sign(i + 1);
        const issued = await insertBatch(kernel, actor, signer, signed);
        for (const g of slice) {
          const outcome = issued.get(g.row.originalNumber);
          if (!outcome) throw new AppError('INTERNAL');
          reportRow(g.row, outcome.isNew ? 'issued' : 'existing', outcome.identifier);
        }
      }
    });
  }

  const count = (outcome: LicenseImportRow['outcome']) => report.filter((r) => r.outcome === outcome).length;
  // Errors first (what the department has to fix), then every other row, each group in sheet order.
  const rank = (r: LicenseImportRow) => (r.outcome === 'invalid' ? 0 : 1);
  const ordered = report.sort((a, b) => rank(a) - rank(b) || a.row - b.row);
  return {
    dryRun,
    total: rows.length,
    issued: count('issued'),
    existing: count('existing'),
    invalid: count('invalid'),
    rows: ordered.slice(0, MAX_REPORTED_ROWS),
    isTruncated: ordered.length > MAX_REPORTED_ROWS,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

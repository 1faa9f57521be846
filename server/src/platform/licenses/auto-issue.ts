import { z } from 'zod';
import { parseCreditCode, parseIdNumber, type HolderType } from '@zhengtong/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { audit } from '../../kernel/audit';
import { systemActor } from '../../kernel/authz';
import type { Queryable } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import type { EventHandler } from '../../kernel/outbox';
import type { Keys } from '../../kernel/keys';
import { findDepartment } from '../departments';
import { protect, reveal } from '../identity';
import { checkFields, resolveValidity } from './fields';
import { enterpriseByCreditCode, enterpriseHolder, personHolder, type Holder } from './holders';
import { issueOne } from './issue';
import { findLicenseOfCase, typesIssuedBy, type LicenseTypeRow } from './repo';
import { todayInBeijing } from './workflow';

// 自动签发: when a case of a service item that issues a licence type completes with approval, the licence is issued
// to the applicant (or the subject the result names), signed with the handling department's 证照专用章, in the same
// transaction that marks the outbox event delivered. Redelivery never issues twice (unique type + case). A missing
// seal fails the delivery loudly and the outbox retries with back-off; a licence is never issued unsigned.

const completedPayload = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  basicCode: z.string(),
  itemName: z.string(),
  departmentId: z.uuid(),
  applicant: z.object({
    type: z.enum(['person', 'enterprise']),
    accountId: z.string().nullable(),
    enterpriseId: z.string().nullable(),
    // A walk-in applicant: the name and the sealed 身份证号 (never plaintext) or the credit code.
    name: z.string().nullish(),
    idNumberEnc: z.string().nullish(),
    idNumberIdx: z.string().nullish(),
    creditCode: z.string().nullish(),
  }),
  result: z.object({ kind: z.string(), values: z.record(z.string(), z.unknown()).default({}) }),
});
type CaseCompleted = z.infer<typeof completedPayload>;

const ACTOR = systemActor('办件办结自动签发');

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A reference `result.<key>` or `case.<fact>` resolved against the event. */
function valueOf(ref: string, event: CaseCompleted, today: string): string | undefined {
  const [scope, key = ''] = ref.split('.', 2);
  if (scope === 'result') return textOf(event.result.values[key]);
  switch (key) {
    case 'caseNumber':
      return event.caseNumber ?? undefined;
    case 'itemName':
      return event.itemName;
    case 'completedOn':
      return today;
    default:
      return undefined;
  }
}

type HolderFacts = { holder: Holder; holderNumber: string } | { problem: string };

/** The holder by the type's holder source; a problem sentence when the event does not say who it is. */
async function holderOf(db: Queryable, keys: Keys, type: LicenseTypeRow, event: CaseCompleted, today: string): Promise<HolderFacts> {
  const source = type.holder_source;
  const applicant = await applicantHolder(db, keys, event, type.holder_type);
  // A new 个体工商户's 营业执照 bears the applicant's own name, although the holder is the business.
  const name = source.name === 'applicant' ? (applicant?.holder.name ?? (await applicantName(db, event))) : valueOf(source.name, event, today);
  if (!name) return { problem: source.name === 'applicant' ? 'applicant is not a registered holder of this type' : `${source.name} is empty` };
  if (source.number === 'applicant') {
    if (!applicant) return { problem: 'applicant is not a registered holder of this type (walk-in or wrong holder type)' };
    return { holder: { ...applicant.holder, name }, holderNumber: applicant.holderNumber };
  }
  const number = valueOf(source.number, event, today) ?? '';
  if (type.holder_type === 'person') {
    const parsed = parseIdNumber(number);
    if (!parsed.ok) return { problem: `${source.number} is not a valid ID number` };
    const sealed = protect(keys, 'idNumber', parsed.value);
    return { holder: { type: 'person', name, idEnc: sealed.enc, idIdx: sealed.idx, creditCode: null, accountId: null, enterpriseId: null }, holderNumber: parsed.value };
  }
  const parsed = parseCreditCode(number);
  if (!parsed.ok) return { problem: `${source.number} is not a valid credit code` };
  const registered = await enterpriseByCreditCode(db, parsed.value);
  return { holder: { type: 'enterprise', name, idEnc: null, idIdx: null, creditCode: parsed.value, accountId: registered?.accountId ?? null, enterpriseId: registered?.id ?? null }, holderNumber: parsed.value };
}

/** The registered applicant's name: the person's real name or the enterprise's. */
async function applicantName(db: Queryable, event: CaseCompleted): Promise<string | undefined> {
  if (event.applicant.type === 'enterprise' && event.applicant.enterpriseId) return (await enterpriseHolder(db, event.applicant.enterpriseId))?.name;
  if (event.applicant.type === 'person' && event.applicant.accountId) return (await personHolder(db, event.applicant.accountId))?.name;
  return event.applicant.name ?? undefined;
}

/** The applicant as a holder of the given type: registered, or a walk-in named by the event (sealed ID / credit code). */
async function applicantHolder(db: Queryable, keys: Keys, event: CaseCompleted, holderType: HolderType): Promise<{ holder: Holder; holderNumber: string } | undefined> {
  const applicant = event.applicant;
  if (applicant.type !== holderType) return undefined;
  if (holderType === 'person') {
    const walkIn = applicant.name && applicant.idNumberEnc && applicant.idNumberIdx ? { type: 'person' as const, name: applicant.name, idEnc: applicant.idNumberEnc, idIdx: applicant.idNumberIdx, creditCode: null, accountId: null, enterpriseId: null } : undefined;
    const holder = applicant.accountId ? await personHolder(db, applicant.accountId) : walkIn;
    // Decrypted in memory only to print its masked form in the signed data.
    return holder?.idEnc ? { holder, holderNumber: reveal(keys, 'idNumber', holder.idEnc) } : undefined;
  }
  const registered = applicant.enterpriseId ? await enterpriseHolder(db, applicant.enterpriseId) : undefined;
  if (registered?.creditCode) return { holder: registered, holderNumber: registered.creditCode };
  if (!applicant.creditCode || !applicant.name) return undefined;
  const known = await enterpriseByCreditCode(db, applicant.creditCode);
  return { holder: { type: 'enterprise', name: applicant.name, idEnc: null, idIdx: null, creditCode: applicant.creditCode, accountId: known?.accountId ?? null, enterpriseId: known?.id ?? null }, holderNumber: applicant.creditCode };
}

async function issueForType(tx: Queryable, keys: Keys, log: FastifyBaseLogger, type: LicenseTypeRow, event: CaseCompleted): Promise<void> {
  if (await findLicenseOfCase(tx, type.id, event.caseId)) return;
  const today = todayInBeijing();
  const who = await holderOf(tx, keys, type, event, today);
  if ('problem' in who) {
    // Nothing a retry could change: say so in the log and the audit trail, and let the event complete.
    log.warn({ caseId: event.caseId, caseNumber: event.caseNumber, typeCode: type.code, problem: who.problem }, 'licence not issued for a completed case: holder unknown');
    await audit(tx, ACTOR, { action: 'license.issue', objectType: 'license-type', objectId: type.id, result: 'failure', detail: { caseId: event.caseId, caseNumber: event.caseNumber, reason: who.problem } });
    return;
  }
  const mapped: Record<string, string> = {};
  for (const field of type.fields) {
    const value = field.source ? valueOf(field.source, event, today) : undefined;
    if (value !== undefined) mapped[field.key] = value;
  }
  const checked = checkFields(type, mapped);
  const validity = resolveValidity(type, { validFrom: today }, checked.values);
  const issues = [...checked.issues, ...validity.issues];
  if (issues.length > 0) {
    // The type's mapping does not fit the item's result fields: fail loudly; once the mapping is fixed a retry issues.
    log.error({ caseId: event.caseId, typeCode: type.code, issues }, 'licence not issued: the licence type does not match the case result');
    throw new Error(`licence type ${type.code} does not match the result of case ${event.caseNumber ?? event.caseId}: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}`);
  }
  const issuer = await findDepartment(tx, event.departmentId);
  if (!issuer) throw new Error(`case ${event.caseId} names an unknown department ${event.departmentId}`);
  try {
    await issueOne(tx, keys, ACTOR, { type, issuer, ...who, fields: checked.values, validFrom: validity.validFrom, validTo: validity.validTo, issuedAt: new Date(), source: 'case', caseId: event.caseId, caseNumber: event.caseNumber });
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      log.error({ caseId: event.caseId, caseNumber: event.caseNumber, departmentId: issuer.id, departmentName: issuer.name, typeCode: type.code, reason: error.detailKey }, 'licence not issued: the issuing department has no licence seal (证照专用章) in force; the outbox will retry');
      throw new Error(`licence ${type.code} for case ${event.caseNumber ?? event.caseId}: ${issuer.name} has no licence seal in force (${error.detailKey ?? error.code})`, { cause: error });
    }
    throw error;
  }
}

/** The outbox subscriber for `case.completed`. */
export function onCaseCompleted(keys: Keys, log: FastifyBaseLogger): EventHandler {
  return async (tx, payload, meta) => {
    const parsed = completedPayload.safeParse(payload);
    if (!parsed.success) {
      log.error({ eventId: meta.id, issues: parsed.error.issues }, 'case.completed event not understood by the licences domain');
      throw new Error(`case.completed ${meta.id}: unexpected payload`);
    }
    const event = parsed.data;
    if (event.result.kind !== 'approved') return;
    for (const type of await typesIssuedBy(tx, event.basicCode)) await issueForType(tx, keys, log, type, event);
  };
}

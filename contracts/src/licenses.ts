import { z } from 'zod';
import type { Locale } from './errors';
import { requiredOr } from './audit';
import { pageQuery } from './identity';
import { creditCodeSchema, idNumberSchema } from './identifiers';
import { versionSchema } from './org';
import { trustLevels, type TrustLevel } from './cases';

// 电子证照 (GB/T 36901–36905): licence types, licences, their identifiers, verification and the holder's grants.
// Shared by browser and server: keep this file free of node: imports.

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

// ---------------------------------------------------------------- enums

/** Who holds a licence of a type: a natural person (身份证号) or a legal person / other body (统一社会信用代码). */
export const holderTypes = ['person', 'enterprise'] as const;
export type HolderType = (typeof holderTypes)[number];
export const holderTypeNames: Labels<HolderType> = {
  person: { 'zh-CN': '自然人', 'en-US': 'Person' },
  enterprise: { 'zh-CN': '法人和其他组织', 'en-US': 'Organisation' },
};

/**
 * A licence's state. `expired` is reported as soon as the last valid day has passed (Beijing), whether or not the
 * daily job has recorded it yet; `revoked` is final.
 */
export const licenseStatuses = ['valid', 'suspended', 'revoked', 'expired'] as const;
export type LicenseStatus = (typeof licenseStatuses)[number];
export const licenseStatusNames: Labels<LicenseStatus> = {
  valid: { 'zh-CN': '有效', 'en-US': 'Valid' },
  suspended: { 'zh-CN': '暂扣(中止)', 'en-US': 'Suspended' },
  revoked: { 'zh-CN': '已注销(吊销)', 'en-US': 'Revoked' },
  expired: { 'zh-CN': '已过期', 'en-US': 'Expired' },
};

/** The recorded history of a licence: one entry per action, oldest first. */
export const licenseActions = ['issue', 'suspend', 'restore', 'revoke', 'expire'] as const;
export type LicenseAction = (typeof licenseActions)[number];
export const licenseActionNames: Labels<LicenseAction> = {
  issue: { 'zh-CN': '签发', 'en-US': 'Issued' },
  suspend: { 'zh-CN': '暂扣', 'en-US': 'Suspended' },
  restore: { 'zh-CN': '恢复', 'en-US': 'Restored' },
  revoke: { 'zh-CN': '注销', 'en-US': 'Revoked' },
  expire: { 'zh-CN': '到期', 'en-US': 'Expired' },
};
/** The actions staff take by hand (签发 is POST /api/licenses, 到期 is the daily job). */
export const licenseStaffActions = ['suspend', 'restore', 'revoke'] as const;
export type LicenseStaffAction = (typeof licenseStaffActions)[number];

/** How a licence came to be: a completed case (自动签发), a department by hand, or a historical import (历史证照电子化). */
export const licenseSources = ['case', 'manual', 'import'] as const;
export type LicenseSource = (typeof licenseSources)[number];
export const licenseSourceNames: Labels<LicenseSource> = {
  case: { 'zh-CN': '办件办结自动签发', 'en-US': 'Issued on completing a case' },
  manual: { 'zh-CN': '部门手工签发', 'en-US': 'Issued by hand' },
  import: { 'zh-CN': '历史证照导入', 'en-US': 'Imported historical licence' },
};

/** Trust level of electronic materials (REFERENCES.md, the same scale as case materials): A issued by the authority … D made by the user. */
export const licenseTrustLevelNames: Labels<TrustLevel> = {
  A: { 'zh-CN': 'A 级(发证机关签发,可直接使用)', 'en-US': 'A — issued by the authority, use directly' },
  B: { 'zh-CN': 'B 级(工作人员核验,可复用)', 'en-US': 'B — checked by staff, reusable' },
  C: { 'zh-CN': 'C 级(申请人上传,需核验原件)', 'en-US': 'C — uploaded by the user, check the original' },
  D: { 'zh-CN': 'D 级(申请人自制)', 'en-US': 'D — made by the user' },
};

export const licenseFieldKinds = ['text', 'date', 'number'] as const;
export type LicenseFieldKind = (typeof licenseFieldKinds)[number];

export const licenseGranteeKinds = ['department', 'case'] as const;
export type LicenseGranteeKind = (typeof licenseGranteeKinds)[number];
export const licenseGrantStatuses = ['active', 'expired', 'revoked'] as const;
export type LicenseGrantStatus = (typeof licenseGrantStatuses)[number];
export const licenseGrantStatusNames: Labels<LicenseGrantStatus> = {
  active: { 'zh-CN': '授权中', 'en-US': 'Active' },
  expired: { 'zh-CN': '已到期', 'en-US': 'Expired' },
  revoked: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
};

/** Why a department could read a licence: the holder's grant, the holder's own application (免证办), or it issued it. */
export const licenseUseBases = ['grant', 'application', 'issuer'] as const;
export type LicenseUseBasis = (typeof licenseUseBases)[number];
export const licenseUseBasisNames: Labels<LicenseUseBasis> = {
  grant: { 'zh-CN': '持证人授权', 'en-US': 'Holder’s grant' },
  application: { 'zh-CN': '持证人申请办事(免证办)', 'en-US': 'Holder’s own application' },
  issuer: { 'zh-CN': '发证部门', 'en-US': 'Issuing department' },
};

/** Grants last at most this long (自主授权: the holder decides, for a bounded time). */
export const LICENSE_GRANT_MAX_DAYS = 90;
export const LICENSE_GRANT_DEFAULT_DAYS = 30;

// ---------------------------------------------------------------- 电子证照标识 (GB/T 36904)

/** OID arc of 电子证照 identifiers: 1.2.156 (China) . 3005 . 2. */
export const LICENSE_IDENTIFIER_PREFIX = '1.2.156.3005.2';
const MOD36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const licenseTypeCodePattern = /^[0-9A-Z]{2,32}$/;
const IDENTIFIER_PATTERN = /^1\.2\.156\.3005\.2\.([0-9A-Z]{2,32})\.([0-9A-HJ-NPQRTUWXY]{18})\.(\d{8,12})\.(\d{3})\.([0-9A-Z])$/;

/**
 * ISO/IEC 7064 MOD 37,36 (hybrid system, designation 8) check character over digits and capital letters:
 * p = 36; for each character s = (p + value) mod 36, 0 → 36, p = 2s mod 37; check = (37 − p) mod 36.
 */
export function mod3736CheckChar(input: string): string {
  if (!/^[0-9A-Z]+$/.test(input)) throw new RangeError('mod3736CheckChar needs digits and capital letters');
  let p = 36;
  for (const char of input) {
    let s = (p + MOD36_ALPHABET.indexOf(char)) % 36;
    if (s === 0) s = 36;
    p = (s * 2) % 37;
  }
  return MOD36_ALPHABET.charAt((37 - p) % 36);
}

export type LicenseIdentifierParts = { typeCode: string; issuerCreditCode: string; serial: string; version: string };

/** The serial is at least 8 digits, zero-padded; the version is 3 digits (001 for a first issue). */
export function formatLicenseSerial(serial: number | bigint): string {
  return String(serial).padStart(8, '0');
}

/** `1.2.156.3005.2.<type code>.<issuer credit code>.<serial>.<version>.<check>`, check over type+issuer+serial+version. */
export function licenseIdentifier(parts: LicenseIdentifierParts): string {
  const body = `${parts.typeCode}${parts.issuerCreditCode}${parts.serial}${parts.version}`;
  return `${LICENSE_IDENTIFIER_PREFIX}.${parts.typeCode}.${parts.issuerCreditCode}.${parts.serial}.${parts.version}.${mod3736CheckChar(body)}`;
}

export type LicenseIdentifierResult = ({ ok: true } & LicenseIdentifierParts & { check: string }) | { ok: false; reason: 'format' | 'checksum' };

/** Parses and checks an identifier (shape, then the MOD 37,36 check character). */
export function parseLicenseIdentifier(input: string): LicenseIdentifierResult {
  const match = IDENTIFIER_PATTERN.exec(input.trim().toUpperCase());
  if (!match) return { ok: false, reason: 'format' };
  const [, typeCode = '', issuerCreditCode = '', serial = '', version = '', check = ''] = match;
  if (mod3736CheckChar(`${typeCode}${issuerCreditCode}${serial}${version}`) !== check) return { ok: false, reason: 'checksum' };
  return { ok: true, typeCode, issuerCreditCode, serial, version, check };
}

export const licenseIdentifierSchema = z.string().transform((input, ctx) => {
  const result = parseLicenseIdentifier(input);
  if (result.ok) return input.trim().toUpperCase();
  ctx.addIssue({ code: 'custom', message: `license.identifier.${result.reason}` });
  return z.NEVER;
});

// ---------------------------------------------------------------- QR payload (see server/src/platform/licenses/README.md)

/** The signed minimal data of a licence. Every value is a string; keys are short to keep the QR code small. */
export const licenseMinimalData = z.strictObject({
  /** Format version of this object: "1". */
  v: z.literal('1'),
  /** 电子证照标识 (GB/T 36904). */
  id: z.string(),
  /** Licence type name (营业执照 …). */
  t: z.string(),
  /** Holder type: P person, E enterprise / organisation. */
  ht: z.enum(['P', 'E']),
  /** Holder name as printed. */
  h: z.string(),
  /** Holder number: the masked 身份证号 (first 1 and last 2 shown) or the full 统一社会信用代码. */
  hn: z.string(),
  /** Issuing department's name; its credit code is inside the identifier. */
  i: z.string(),
  /** First and last valid day (Beijing, YYYY-MM-DD); `e` is "" for a licence valid without end (长期). */
  f: z.string(),
  e: z.string(),
  /** Day of issue (Beijing, YYYY-MM-DD). */
  d: z.string(),
});
export type LicenseMinimalData = z.infer<typeof licenseMinimalData>;

/** First segment of every QR payload; a verifier refuses any other. */
export const LICENSE_QR_PREFIX = 'ZTL1';

/**
 * Canonical bytes of the minimal data: RFC 8785 (JCS) JSON — keys sorted by code point, no whitespace, strings
 * escaped as JSON.stringify does — of an object whose values are all strings, as UTF-8. This is what is signed.
 */
export function canonicalLicenseData(data: LicenseMinimalData): string {
  const keys = Object.keys(data).sort() as (keyof LicenseMinimalData)[];
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(data[k])}`).join(',')}}`;
}

export type ParsedLicenseQr = { data: LicenseMinimalData; dataBytes: Uint8Array; keyId: string; signatureHex: string };

function base64UrlToBytes(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * Splits a scanned QR text — the payload `ZTL1.<data>.<key id>.<signature>` alone or the verification URL with the
 * payload after `#` — into the signed bytes, the data, the key id and the DER signature. undefined when malformed
 * (including data bytes that are not the canonical form of their own content).
 */
export function parseLicenseQr(scanned: string): ParsedLicenseQr | undefined {
  const text = scanned.trim();
  const payload = text.includes('#') ? text.slice(text.lastIndexOf('#') + 1) : text;
  const parts = payload.split('.');
  if (parts.length !== 4 || parts[0] !== LICENSE_QR_PREFIX) return undefined;
  const [, dataPart = '', keyId = '', signaturePart = ''] = parts;
  const dataBytes = base64UrlToBytes(dataPart);
  const signature = base64UrlToBytes(signaturePart);
  if (!dataBytes || !signature || signature.length === 0 || !/^[0-9a-f]{16}$/.test(keyId)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(dataBytes));
  } catch {
    return undefined;
  }
  const parsed = licenseMinimalData.safeParse(json);
  if (!parsed.success) return undefined;
  // One licence, one encoding: bytes that are not canonical are refused rather than re-encoded.
  const canonical = new TextEncoder().encode(canonicalLicenseData(parsed.data));
  if (canonical.length !== dataBytes.length || canonical.some((b, i) => b !== dataBytes[i])) return undefined;
  const signatureHex = Array.from(signature, (b) => b.toString(16).padStart(2, '0')).join('');
  return { data: parsed.data, dataBytes, keyId, signatureHex };
}

// ---------------------------------------------------------------- licence types (证照目录)

// Names are counted in code points so a 生僻字 outside the BMP (𠮷) counts as one character.
function text(min: number, max: number) {
  return z
    .string(requiredOr('invalid_type'))
    .trim()
    .refine((v) => Array.from(v).length >= min, 'too_small')
    .refine((v) => Array.from(v).length <= max, 'too_big')
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f<>]/.test(v), 'license.textChars');
}

const fieldKey = z.string(requiredOr('invalid_type')).regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'license.fieldKey');
const resultRef = /^result\.[A-Za-z][A-Za-z0-9_]{0,39}$/;

export const licenseTypeField = z.strictObject({
  /** Stable key of the value (businessScope, legalRepresentative …). */
  key: fieldKey,
  /** Label printed on the licence (经营范围). */
  name: text(1, 30),
  kind: z.enum(licenseFieldKinds, requiredOr('invalid_value')),
  isRequired: z.boolean('invalid_type').default(false),
  /**
   * Where automatic issuance takes the value from: `result.<key>` (a result field of the completed case),
   * `case.caseNumber`, `case.itemName` or `case.completedOn`. Null: filled by hand or by import only.
   */
  source: z
    .string('invalid_type')
    .refine((v) => resultRef.test(v) || ['case.caseNumber', 'case.itemName', 'case.completedOn'].includes(v), 'license.fieldSource')
    .nullable()
    .default(null),
});
export type LicenseTypeField = z.infer<typeof licenseTypeField>;

/** 有效期规则: without end (长期有效), a number of years from the first valid day, or the date in one of its fields. */
export const licenseValidityRule = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('permanent') }),
    z.strictObject({ mode: z.literal('years'), years: z.number('invalid_type').int('invalid_type').min(1, 'too_small').max(50, 'too_big') }),
    z.strictObject({ mode: z.literal('field'), field: fieldKey }),
  ],
  requiredOr('invalid_value'),
);
export type LicenseValidityRule = z.infer<typeof licenseValidityRule>;

/**
 * Who the holder is when a completed case issues the licence: the applicant (their account's real-name data) or the
 * subject named by result fields (营业执照 from 设立登记: the new body's 统一社会信用代码 is a result of the case).
 */
export const licenseHolderSource = z.strictObject({
  name: z.string('invalid_type').refine((v) => v === 'applicant' || resultRef.test(v), 'license.holderSource'),
  number: z.string('invalid_type').refine((v) => v === 'applicant' || resultRef.test(v), 'license.holderSource'),
});
export type LicenseHolderSource = z.infer<typeof licenseHolderSource>;

const basicCode = z.string('invalid_type').trim().transform((v) => v.normalize('NFKC').toUpperCase()).pipe(z.string().regex(/^[0-9A-Z]{8,20}$/, 'license.basicCode'));

function checkTypeShape(v: { fields?: LicenseTypeField[]; validity?: LicenseValidityRule }, ctx: z.RefinementCtx): void {
  const keys = (v.fields ?? []).map((f) => f.key);
  keys.forEach((key, i) => {
    if (keys.indexOf(key) !== i) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: 'license.fieldKeyTaken' });
  });
  if (v.validity?.mode === 'field' && v.fields) {
    const target = v.fields.find((f) => f.key === (v.validity as { field: string }).field);
    if (!target || target.kind !== 'date') ctx.addIssue({ code: 'custom', path: ['validity', 'field'], message: 'license.validityField' });
  }
}

const licenseTypeShape = {
  name: text(2, 50),
  departmentId: z.uuid(requiredOr('invalid_format')),
  holderType: z.enum(holderTypes, requiredOr('invalid_value')),
  fields: z.array(licenseTypeField, requiredOr('invalid_type')).max(30, 'too_big'),
  validity: licenseValidityRule,
  trustLevel: z.enum(trustLevels, requiredOr('invalid_value')),
  /** 基本编码 (GB/T 39554) of the service items whose approved completion issues a licence of this type. */
  issuingBasicCodes: z.array(basicCode, 'invalid_type').max(20, 'too_big').default([]),
  holderSource: licenseHolderSource.default({ name: 'applicant', number: 'applicant' }),
  description: text(0, 500).default(''),
};

export const createLicenseTypeInput = z
  .strictObject({
    /** 证照类型代码 in the identifier: digits and capital letters, fixed once created. */
    code: z.string(requiredOr('invalid_type')).trim().transform((v) => v.normalize('NFKC').toUpperCase()).pipe(z.string().regex(licenseTypeCodePattern, 'license.typeCode')),
    ...licenseTypeShape,
  })
  .superRefine(checkTypeShape);
export type CreateLicenseTypeInput = z.infer<typeof createLicenseTypeInput>;

export const updateLicenseTypeInput = z
  .strictObject({
    name: licenseTypeShape.name.optional(),
    departmentId: licenseTypeShape.departmentId.optional(),
    fields: licenseTypeShape.fields.optional(),
    validity: licenseValidityRule.optional(),
    trustLevel: licenseTypeShape.trustLevel.optional(),
    issuingBasicCodes: z.array(basicCode, 'invalid_type').max(20, 'too_big').optional(),
    holderSource: licenseHolderSource.optional(),
    description: text(0, 500).optional(),
    /** An inactive type issues nothing new; its licences stay as they are. */
    isActive: z.boolean('invalid_type').optional(),
    version: versionSchema,
  })
  .superRefine(checkTypeShape);
export type UpdateLicenseTypeInput = z.infer<typeof updateLicenseTypeInput>;

export const licenseTypeListQuery = pageQuery.extend({
  q: z.string().trim().max(50, 'too_big').optional(),
  holderType: z.enum(holderTypes, 'invalid_value').optional(),
  departmentId: z.uuid('invalid_format').optional(),
  isActive: z.stringbool('invalid_value').optional(),
});
export type LicenseTypeListQuery = z.infer<typeof licenseTypeListQuery>;

export const licenseTypeView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  holderType: z.enum(holderTypes),
  fields: z.array(z.object({ key: z.string(), name: z.string(), kind: z.enum(licenseFieldKinds), isRequired: z.boolean(), source: z.string().nullable() })),
  validity: z.union([
    z.object({ mode: z.literal('permanent') }),
    z.object({ mode: z.literal('years'), years: z.number().int() }),
    z.object({ mode: z.literal('field'), field: z.string() }),
  ]),
  trustLevel: z.enum(trustLevels),
  issuingBasicCodes: z.array(z.string()),
  holderSource: z.object({ name: z.string(), number: z.string() }),
  description: z.string(),
  isActive: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LicenseTypeView = z.infer<typeof licenseTypeView>;

// ---------------------------------------------------------------- licences

const isoDate = z.iso.date('invalid_format');
const caseNumber = z.string('invalid_type').trim().regex(/^\d{14}[WO]\d{6}$/, 'license.caseNumber');

/** A field value as typed: text, a date (YYYY-MM-DD) or a number; checked against the type's fields by the server. */
const fieldValue = z.union([z.string().max(2000, 'too_big'), z.number()], 'invalid_type');

export const licenseHolderInput = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('person'), name: text(1, 60), idNumber: idNumberSchema }),
    z.strictObject({ type: z.literal('enterprise'), name: text(1, 100), creditCode: creditCodeSchema }),
  ],
  requiredOr('invalid_value'),
);
export type LicenseHolderInput = z.infer<typeof licenseHolderInput>;

/** 手工签发: a department issues a licence of a type it may issue. Validity defaults follow the type's rule. */
export const issueLicenseInput = z
  .strictObject({
    typeId: z.uuid(requiredOr('invalid_format')),
    holder: licenseHolderInput,
    fields: z.record(fieldKey, fieldValue, 'invalid_type').default({}),
    /** Beijing dates, both inclusive; default from today. */
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'license.validToBeforeFrom' });
  });
export type IssueLicenseInput = z.infer<typeof issueLicenseInput>;

export const licenseStatusChangeInput = z.strictObject({
  /** Why (吊销决定书文号, 持证人申请注销, 暂扣期间 …); kept in the history, not shown on the public page. */
  reason: text(2, 200),
  version: versionSchema,
});
export type LicenseStatusChangeInput = z.infer<typeof licenseStatusChangeInput>;

export const licenseListQuery = pageQuery.extend({
  status: z.enum(licenseStatuses, 'invalid_value').optional(),
  typeId: z.uuid('invalid_format').optional(),
  source: z.enum(licenseSources, 'invalid_value').optional(),
  /** Exact identifier, or a prefix of it (1.2.156.3005.2.<type code>.). */
  identifier: z.string().trim().regex(/^[0-9A-Za-z.]{1,80}$/, 'invalid_format').optional(),
  /** Holder name starts with this text. */
  holderName: z.string().trim().min(1, 'too_small').max(60, 'too_big').optional(),
  /** Exact 身份证号 (looked up through its blind index) or 统一社会信用代码. */
  holderNumber: z.string().trim().regex(/^[0-9A-Za-z]{18}$/, 'license.holderNumber').optional(),
});
export type LicenseListQuery = z.infer<typeof licenseListQuery>;

export const myLicenseQuery = pageQuery.extend({ status: z.enum(licenseStatuses, 'invalid_value').optional() });
export type MyLicenseQuery = z.infer<typeof myLicenseQuery>;

const sealRef = z.object({ keyId: z.string(), name: z.string() });

export const licenseSummary = z.object({
  id: z.string(),
  identifier: z.string(),
  typeId: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  holderType: z.enum(holderTypes),
  holderName: z.string(),
  /** Masked 身份证号 (first 1, last 2) or the 统一社会信用代码. */
  holderNumber: z.string(),
  issuerDepartmentId: z.string(),
  issuerName: z.string(),
  validFrom: z.string(),
  /** Null: valid without end (长期有效). */
  validTo: z.string().nullable(),
  issuedAt: z.string(),
  status: z.enum(licenseStatuses),
  source: z.enum(licenseSources),
  version: z.number().int(),
});
export type LicenseSummary = z.infer<typeof licenseSummary>;

export const licenseHistoryEntry = z.object({
  action: z.enum(licenseActions),
  fromStatus: z.enum(licenseStatuses).nullable(),
  toStatus: z.enum(licenseStatuses),
  reason: z.string(),
  actorName: z.string(),
  at: z.string(),
});

export const licenseView = licenseSummary.extend({
  issuerCreditCode: z.string(),
  trustLevel: z.enum(trustLevels),
  fields: z.array(z.object({ key: z.string(), name: z.string(), kind: z.enum(licenseFieldKinds), value: z.string() })),
  statusReason: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  /** The historical licence's own number (import). */
  originalNumber: z.string().nullable(),
  seal: sealRef,
  /** SM2 signature (DER hex) over the canonical minimal data; see the QR payload. */
  signature: z.string(),
  history: z.array(licenseHistoryEntry),
  /** Who is reading: the holder (证照夹) or the issuing department's staff. */
  perspective: z.enum(['holder', 'staff']),
});
export type LicenseView = z.infer<typeof licenseView>;

export const licenseQrView = z.object({
  /** `ZTL1.<base64url canonical data>.<key id>.<base64url DER signature>`: checkable offline with the public keys. */
  payload: z.string(),
  /** What the QR code holds: `<PUBLIC_URL>/verify/<licence id>#<payload>` — a phone opens the online check. */
  url: z.string(),
  keyId: z.string(),
  data: licenseMinimalData,
});
export type LicenseQrView = z.infer<typeof licenseQrView>;

// ---------------------------------------------------------------- verification

/** What anyone may see about a licence: no 身份证号, the holder's name masked. */
export const licensePublicView = z.object({
  id: z.string(),
  identifier: z.string(),
  typeName: z.string(),
  holderType: z.enum(holderTypes),
  holderName: z.string(),
  issuerName: z.string(),
  issuerCreditCode: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  issuedOn: z.string(),
  status: z.enum(licenseStatuses),
  /** When the current status began (revocation, suspension or expiry), null while it was never changed. */
  statusSince: z.string().nullable(),
  checkedAt: z.string(),
});
export type LicensePublicView = z.infer<typeof licensePublicView>;

export const verifyLicenseQrInput = z.strictObject({
  /** The scanned text: the payload alone or the whole verification URL. */
  payload: z.string(requiredOr('invalid_type')).min(1, 'too_small').max(4000, 'too_big'),
});

/**
 * authentic: the signature is good under a published key that was in force when the licence was issued;
 * tampered: the data does not match its signature; malformed: not a licence QR payload; unknownKey: no seal has
 * that key id; sealRevoked: the key's seal was revoked before the licence was issued.
 */
export const licenseQrVerdicts = ['authentic', 'tampered', 'malformed', 'unknownKey', 'sealRevoked'] as const;
export type LicenseQrVerdictKind = (typeof licenseQrVerdicts)[number];

const verdictSeal = z.object({ name: z.string(), keyId: z.string(), status: z.string(), departmentName: z.string() }).nullable();

export const licenseQrVerdict = z.object({
  verdict: z.enum(licenseQrVerdicts),
  isAuthentic: z.boolean(),
  /** The data as signed (what the QR code says), when it could be read. */
  data: licenseMinimalData.nullable(),
  seal: verdictSeal,
  /** The licence as it stands now (status may have changed since issue); null when unknown here. */
  license: licensePublicView.nullable(),
});
export type LicenseQrVerdict = z.infer<typeof licenseQrVerdict>;

/** authentic: a licence PDF the platform issued, not one byte changed; unknownDocument: any other file. */
export const licensePdfVerdicts = ['authentic', 'unknownDocument', 'badSignature', 'sealRevoked'] as const;
export const licensePdfVerdict = z.object({
  verdict: z.enum(licensePdfVerdicts),
  isAuthentic: z.boolean(),
  seal: verdictSeal,
  license: licensePublicView.nullable(),
});
export type LicensePdfVerdict = z.infer<typeof licensePdfVerdict>;

export const licenseVerificationChannels = ['online', 'qr', 'pdf'] as const;
export const licenseVerificationView = z.object({
  id: z.string(),
  channel: z.enum(licenseVerificationChannels),
  result: z.string(),
  /** The signed-in account that checked, if any. */
  verifierAccountId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  at: z.string(),
});
export type LicenseVerificationView = z.infer<typeof licenseVerificationView>;

// ---------------------------------------------------------------- grants (自主授权) and uses

export const licenseGranteeInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('department'), departmentId: z.uuid(requiredOr('invalid_format')) }),
    z
      .strictObject({ kind: z.literal('case'), caseId: z.uuid('invalid_format').optional(), caseNumber: caseNumber.optional() })
      .refine((v) => v.caseId !== undefined || v.caseNumber !== undefined, { message: 'license.grantCaseRequired', path: ['caseNumber'] }),
  ],
  requiredOr('invalid_value'),
);

export const createLicenseGrantInput = z.strictObject({
  licenseId: z.uuid(requiredOr('invalid_format')),
  grantee: licenseGranteeInput,
  /** What for, in the holder's words (办理开户, 申请补贴 …); shown to the department with the licence. */
  purpose: text(2, 100),
  /** Days from now; at most 90 (default 30). */
  days: z.number('invalid_type').int('invalid_type').min(1, 'too_small').max(LICENSE_GRANT_MAX_DAYS, 'too_big').default(LICENSE_GRANT_DEFAULT_DAYS),
});
export type CreateLicenseGrantInput = z.infer<typeof createLicenseGrantInput>;

export const licenseGrantListQuery = pageQuery.extend({
  licenseId: z.uuid('invalid_format').optional(),
  status: z.enum(licenseGrantStatuses, 'invalid_value').optional(),
});
export type LicenseGrantListQuery = z.infer<typeof licenseGrantListQuery>;

export const licenseGrantView = z.object({
  id: z.string(),
  licenseId: z.string(),
  identifier: z.string(),
  typeName: z.string(),
  grantee: z.object({
    kind: z.enum(licenseGranteeKinds),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    caseId: z.string().nullable(),
    caseNumber: z.string().nullable(),
  }),
  purpose: z.string(),
  validUntil: z.string(),
  status: z.enum(licenseGrantStatuses),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type LicenseGrantView = z.infer<typeof licenseGrantView>;

/** A department reads a licence under the holder's grant to it (POST /api/licenses/:id/uses). */
export const useLicenseInput = z.strictObject({
  purpose: text(2, 100),
  caseNumber: caseNumber.optional(),
});
export type UseLicenseInput = z.infer<typeof useLicenseInput>;

export const licenseUseView = z.object({
  id: z.string(),
  licenseId: z.string(),
  identifier: z.string(),
  typeName: z.string(),
  basis: z.enum(licenseUseBases),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  userName: z.string(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  purpose: z.string(),
  at: z.string(),
});
export type LicenseUseView = z.infer<typeof licenseUseView>;

// ---------------------------------------------------------------- historical import (历史证照电子化)

export const licenseImportQuery = z.object({
  typeId: z.uuid(requiredOr('invalid_format')),
  /** Check every row and report, without issuing anything. */
  dryRun: z.stringbool('invalid_value').default(false),
});
export type LicenseImportQuery = z.infer<typeof licenseImportQuery>;

export const licenseImportOutcomes = ['issued', 'existing', 'invalid', 'checked'] as const;
export type LicenseImportOutcome = (typeof licenseImportOutcomes)[number];

export const licenseImportRow = z.object({
  /** Row number as the sheet shows it (the header is row 1). */
  row: z.number().int(),
  originalNumber: z.string(),
  /** issued now; existing (imported before: the same original number, not issued twice); invalid; checked (dry run, would issue). */
  outcome: z.enum(licenseImportOutcomes),
  identifier: z.string().nullable(),
  errors: z.array(z.object({ field: z.string(), column: z.string(), code: z.string(), message: z.string() })),
});
export type LicenseImportRow = z.infer<typeof licenseImportRow>;

export const licenseImportReport = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  issued: z.number().int(),
  existing: z.number().int(),
  invalid: z.number().int(),
  /** Every row with an error first, then the others, up to 10,000 rows; `isTruncated` when more were processed. */
  rows: z.array(licenseImportRow),
  isTruncated: z.boolean(),
  seconds: z.number(),
});
export type LicenseImportReport = z.infer<typeof licenseImportReport>;

/** Fixed columns of an import sheet; the type's fields follow, headed by their printed names. */
export const licenseImportColumns = {
  originalNumber: '原证照编号',
  holderName: '持证主体名称',
  holderNumber: '持证主体证件号码',
  validFrom: '有效期起始',
  validTo: '有效期截止',
  issuedOn: '发证日期',
} as const;

// ---------------------------------------------------------------- messages

const names = <K extends string>(prefix: string, labels: Labels<K>, locale: Locale) =>
  Object.fromEntries(Object.entries<Readonly<Record<Locale, string>>>(labels).map(([k, v]) => [`${prefix}.${k}`, v[locale]]));

const enumMessages = (locale: Locale) => ({
  ...names('license.status', licenseStatusNames, locale),
  ...names('license.action', licenseActionNames, locale),
  ...names('license.source', licenseSourceNames, locale),
  ...names('license.holderType', holderTypeNames, locale),
  ...names('license.grantStatus', licenseGrantStatusNames, locale),
});

export const licensesMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    ...enumMessages('zh-CN'),
    'license.textChars': '不能包含控制字符或尖括号',
    'license.fieldKey': '字段标识以字母开头,由字母、数字、下划线组成(至多 40 位)',
    'license.fieldKeyTaken': '字段标识重复',
    'license.fieldSource': '取值来源应为 result.<办理结果字段>、case.caseNumber、case.itemName 或 case.completedOn',
    'license.holderSource': '持证主体来源应为 applicant(申请人)或 result.<办理结果字段>',
    'license.validityField': '有效期取值字段必须是本证照的日期字段',
    'license.basicCode': '事项基本编码应为 8–20 位数字或大写字母',
    'license.typeCode': '证照类型代码应为 2–32 位数字或大写字母',
    'license.typeCodeTaken': '该证照类型代码已存在',
    'license.typeNotFound': '未找到该证照类型',
    'license.typeInactive': '该证照类型已停用,不能签发新证照',
    'license.typeDepartment': '所选发证部门不存在、已停用或不在您的管辖范围内',
    'license.notFound': '未找到该电子证照',
    'license.identifier.format': '电子证照标识格式不正确(1.2.156.3005.2.类型代码.发证机构代码.流水号.版本号.校验位)',
    'license.identifier.checksum': '电子证照标识校验位不正确',
    'license.caseNumber': '办件编号格式不正确',
    'license.holderNumber': '请输入 18 位身份证号码或统一社会信用代码',
    'license.holderTypeMismatch': '持证主体类型与该证照类型不符',
        'license.fieldUnknown': '该证照类型没有此字段',
    'license.fieldDate': '应为有效日期(YYYY-MM-DD)',
    'license.fieldNumber': '应为数字',
        'license.validToBeforeFrom': '有效期截止日期不能早于起始日期',
    'license.validToRequired': '该证照类型须填写有效期截止日期',
    'license.validToNotAllowed': '该证照长期有效,不填写截止日期',
    'license.validToFromField': '该证照的有效期截止日期取自证照的日期字段,不另行填写',
    'license.notIssuer': '只有该证照类型的发证部门可以签发',
    'license.noSeal': '发证部门没有在用的证照专用章,不能签发电子证照,请联系安全管理员制作',
    'license.transition': '该证照当前为“{status}”,不能{action}',
    'license.noPdfRevoked': '该证照已注销,不再提供证照文件',
    'license.noSealForPdf': '发证部门当前没有在用的证照专用章,暂时不能生成证照文件',
    'license.notHolder': '只有持证人本人(或企业及其经办人)可以授权使用该证照',
    'license.grantCaseRequired': '请填写办件编号或办件标识',
    'license.grantDepartment': '被授权部门不存在或已停用',
    'license.grantNotActive': '该授权已到期或已撤回',
    'license.grantInvalidLicense': '只有有效的证照可以授权使用',
    'license.noGrant': '持证人未授权本部门使用该证照,或授权已到期、已撤回',
    'license.grantNotFound': '未找到该授权',
    'license.notUsable': '该证照当前为“{status}”,不能使用',
    'license.holderUnknown': '无法确定持证主体:{detail}',
    'license.import.noFile': '请选择要导入的文件(.xlsx 或 .csv)',
    'license.import.format': '只能导入 .xlsx 或 .csv(UTF-8)文件',
    'license.import.empty': '文件中没有数据行',
    'license.import.tooManyRows': '一次最多导入 {max} 行,请拆分文件',
    'license.import.missingColumns': '缺少必需的列:{columns}',
    'license.import.duplicateInFile': '原证照编号在文件中重复(与第 {row} 行相同)',
    'license.issuedInFuture': '发证日期不能晚于今天',
    'license.import.unreadable': '无法读取该文件,请确认是 UTF-8 编码的 CSV 或 Excel 2007 及以上版本的 .xlsx',
  },
  'en-US': {
    ...enumMessages('en-US'),
    'license.textChars': 'Must not contain control characters or angle brackets',
    'license.fieldKey': 'A field key starts with a letter and has letters, digits or underscores (at most 40)',
    'license.fieldKeyTaken': 'Duplicate field key',
    'license.fieldSource': 'The source must be result.<result field>, case.caseNumber, case.itemName or case.completedOn',
    'license.holderSource': 'The holder source must be applicant or result.<result field>',
    'license.validityField': 'The validity field must be one of this licence’s date fields',
    'license.basicCode': 'A basic code has 8–20 digits or capital letters',
    'license.typeCode': 'A licence type code has 2–32 digits or capital letters',
    'license.typeCodeTaken': 'This licence type code already exists',
    'license.typeNotFound': 'No such licence type',
    'license.typeInactive': 'This licence type is inactive and issues no new licences',
    'license.typeDepartment': 'The issuing department does not exist, is inactive or is outside your region',
    'license.notFound': 'No such electronic licence',
    'license.identifier.format': 'Not a licence identifier (1.2.156.3005.2.type.issuer.serial.version.check)',
    'license.identifier.checksum': 'The check character of the licence identifier is wrong',
    'license.caseNumber': 'Not a case number',
    'license.holderNumber': 'Enter the 18-character ID number or unified social credit code',
    'license.holderTypeMismatch': 'The holder type does not match this licence type',
        'license.fieldUnknown': 'This licence type has no such field',
    'license.fieldDate': 'Must be a valid date (YYYY-MM-DD)',
    'license.fieldNumber': 'Must be a number',
        'license.validToBeforeFrom': 'The end of validity cannot be before its start',
    'license.validToRequired': 'Licences of this type need an end of validity',
    'license.validToNotAllowed': 'This licence is valid without end; leave the end date empty',
    'license.validToFromField': 'This licence’s end of validity is taken from its date field; leave it empty',
    'license.notIssuer': 'Only the issuing department of this licence type may issue it',
    'license.noSeal': 'The issuing department has no licence seal in use; ask the security administrator to make one',
    'license.transition': 'The licence is “{status}” and cannot be {action} now',
    'license.noPdfRevoked': 'This licence has been revoked; its file is no longer provided',
    'license.noSealForPdf': 'The issuing department has no licence seal in use; the file cannot be made now',
    'license.notHolder': 'Only the holder (or the enterprise and its agents) may grant the use of this licence',
    'license.grantCaseRequired': 'Enter the case number or case id',
    'license.grantDepartment': 'The department does not exist or is inactive',
    'license.grantNotActive': 'This grant has expired or was withdrawn',
    'license.grantInvalidLicense': 'Only a valid licence can be granted',
    'license.noGrant': 'The holder has not granted your department the use of this licence, or the grant has ended',
    'license.grantNotFound': 'No such grant',
    'license.notUsable': 'The licence is “{status}” and cannot be used',
    'license.holderUnknown': 'The holder cannot be determined: {detail}',
    'license.import.noFile': 'Choose a file to import (.xlsx or .csv)',
    'license.import.format': 'Only .xlsx or UTF-8 .csv files can be imported',
    'license.import.empty': 'The file has no data rows',
    'license.import.tooManyRows': 'At most {max} rows per import; split the file',
    'license.import.missingColumns': 'Required columns are missing: {columns}',
    'license.import.duplicateInFile': 'The original licence number appears twice in the file (same as row {row})',
    'license.issuedInFuture': 'The date of issue cannot be after today',
    'license.import.unreadable': 'The file cannot be read; use a UTF-8 CSV or an Excel 2007+ .xlsx',
  },
};

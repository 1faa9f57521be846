import { z } from 'zod';
import type { Locale } from './errors';
import { requiredOr } from './audit';
import { pageQuery } from './identity';

// 一人一码 / 一企一码: short-lived signed codes that carry a revocable alias, never a raw ID number. A hall or a partner
// system scans one and reads only the attributes the holder consented to. The byte format below is public (partners
// check signatures offline); server/src/platform/identity-codes/README.md documents it byte by byte.
// Shared by browser and server: keep this file free of node: imports.

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

/** person 一人一码 (a citizen), enterprise 一企一码 (shown by the enterprise account or an authorised agent). */
export const identityCodeKinds = ['person', 'enterprise'] as const;
export type IdentityCodeKind = (typeof identityCodeKinds)[number];
export const identityCodeKindNames: Labels<IdentityCodeKind> = {
  person: { 'zh-CN': '个人码', 'en-US': 'Personal code' },
  enterprise: { 'zh-CN': '企业码', 'en-US': 'Enterprise code' },
};

// ---------------------------------------------------------------- attributes and consent

/**
 * What a scanner may read, each at the least revealing form that still serves (REFERENCES.md masking rules). The
 * bit is the attribute's place in the payload's consent mask and never changes once published.
 */
export const identityCodeAttributeSpecs = {
  realNameLevel: { kind: 'person', bit: 0 },
  maskedName: { kind: 'person', bit: 1 },
  name: { kind: 'person', bit: 2 },
  maskedIdNumber: { kind: 'person', bit: 3 },
  maskedPhone: { kind: 'person', bit: 4 },
  enterpriseName: { kind: 'enterprise', bit: 8 },
  creditCode: { kind: 'enterprise', bit: 9 },
  enterpriseStatus: { kind: 'enterprise', bit: 10 },
} as const satisfies Record<string, { kind: IdentityCodeKind; bit: number }>;
export type IdentityCodeAttribute = keyof typeof identityCodeAttributeSpecs;
export const identityCodeAttributes = Object.keys(identityCodeAttributeSpecs) as [IdentityCodeAttribute, ...IdentityCodeAttribute[]];

export const identityCodeAttributeNames: Labels<IdentityCodeAttribute> = {
  realNameLevel: { 'zh-CN': '实名认证等级', 'en-US': 'Real-name verification level' },
  maskedName: { 'zh-CN': '姓名(脱敏)', 'en-US': 'Name (masked)' },
  name: { 'zh-CN': '姓名', 'en-US': 'Full name' },
  maskedIdNumber: { 'zh-CN': '身份证号(脱敏)', 'en-US': 'ID number (masked)' },
  maskedPhone: { 'zh-CN': '手机号(脱敏)', 'en-US': 'Mobile number (masked)' },
  enterpriseName: { 'zh-CN': '企业名称', 'en-US': 'Enterprise name' },
  creditCode: { 'zh-CN': '统一社会信用代码', 'en-US': 'Unified social credit code' },
  enterpriseStatus: { 'zh-CN': '企业账号状态', 'en-US': 'Enterprise account status' },
};

export function identityCodeAttributesOf(kind: IdentityCodeKind): IdentityCodeAttribute[] {
  return identityCodeAttributes.filter((a) => identityCodeAttributeSpecs[a].kind === kind);
}

/** 实名等级 (accounts.real_name_level): 1 self-declared, 2 ID verified, 3 face or counter verified, 4 certificate. */
export const realNameLevelNames: Readonly<Record<1 | 2 | 3 | 4, Readonly<Record<Locale, string>>>> = {
  1: { 'zh-CN': '一级:本人填报,未核验', 'en-US': 'Level 1: self-declared, not verified' },
  2: { 'zh-CN': '二级:身份证信息已核验', 'en-US': 'Level 2: ID details verified' },
  3: { 'zh-CN': '三级:人脸或窗口当面核验', 'en-US': 'Level 3: verified by face or in person' },
  4: { 'zh-CN': '四级:数字证书认证', 'en-US': 'Level 4: digital certificate' },
};

/** What the platform knows of the enterprise's standing here: its account is usable, or disabled by an administrator. */
export const enterpriseStatuses = ['active', 'disabled'] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];
export const enterpriseStatusNames: Labels<EnterpriseStatus> = {
  active: { 'zh-CN': '正常', 'en-US': 'Active' },
  disabled: { 'zh-CN': '已停用', 'en-US': 'Disabled' },
};

/**
 * The consent choices a holder picks from, in plain words (the web explains each). A code carries the attribute set,
 * not the preset's name, so presets can be added later without changing the format.
 */
export const identityCodePresetSpecs = {
  /** 实名核验: "this is a real, verified person" and nothing more than a masked name. */
  realName: { kind: 'person', attributes: ['realNameLevel', 'maskedName'] },
  /** 办事: what a counter needs to serve the person (full name to fill the form; numbers masked). */
  service: { kind: 'person', attributes: ['realNameLevel', 'name', 'maskedIdNumber', 'maskedPhone'] },
  /** 企业核验: which enterprise this is and whether its account is in good standing. */
  enterprise: { kind: 'enterprise', attributes: ['enterpriseName', 'creditCode', 'enterpriseStatus'] },
} as const satisfies Record<string, { kind: IdentityCodeKind; attributes: readonly IdentityCodeAttribute[] }>;
export type IdentityCodePreset = keyof typeof identityCodePresetSpecs;
export const identityCodePresets = Object.keys(identityCodePresetSpecs) as [IdentityCodePreset, ...IdentityCodePreset[]];

export function identityCodePresetsOf(kind: IdentityCodeKind): IdentityCodePreset[] {
  return identityCodePresets.filter((p) => identityCodePresetSpecs[p].kind === kind);
}

/** Why a scanner reads a code; the holder sees it in their scan history. `other` needs the scanner's own words. */
export const identityCodePurposes = ['counterService', 'identityCheck', 'inspection', 'enterpriseService', 'partnerService', 'other'] as const;
export type IdentityCodePurpose = (typeof identityCodePurposes)[number];
export const identityCodePurposeNames: Labels<IdentityCodePurpose> = {
  counterService: { 'zh-CN': '窗口办事', 'en-US': 'Service at a counter' },
  identityCheck: { 'zh-CN': '身份核验', 'en-US': 'Identity check' },
  inspection: { 'zh-CN': '执法检查', 'en-US': 'Inspection' },
  enterpriseService: { 'zh-CN': '涉企服务', 'en-US': 'Service for an enterprise' },
  partnerService: { 'zh-CN': '合作机构服务', 'en-US': 'Partner organisation service' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
};

/** success, or why a scan was refused (each refusal has its own message code `identityCode.<result>`). */
export const identityCodeScanResults = ['success', 'malformed', 'badSignature', 'expired', 'used', 'revoked', 'consentRequired'] as const;
export type IdentityCodeScanResult = (typeof identityCodeScanResults)[number];
export type IdentityCodeRefusal = Exclude<IdentityCodeScanResult, 'success'>;

/** How long a code lives: 60 s unless the security administrator sets otherwise, never more than five minutes. */
export const identityCodeTtl = { defaultSeconds: 60, minSeconds: 15, maxSeconds: 300 } as const;

// ---------------------------------------------------------------- the code's text and bytes

export const IDENTITY_CODE_PREFIX = 'ZTC1';
export const IDENTITY_CODE_VERSION = 1;
/** version 1 + kind 1 + consent mask 2 + key id 8 + issued-at 4 + expires-at 4 + alias 16 + nonce 8. */
export const IDENTITY_CODE_PAYLOAD_BYTES = 44;
const KIND_BYTES: Readonly<Record<IdentityCodeKind, number>> = { person: 1, enterprise: 2 };
// A DER SEQUENCE of two INTEGERs of at most 33 bytes each.
const MIN_SIGNATURE_BYTES = 8;
const MAX_SIGNATURE_BYTES = 72;

/** What a code says, all of it public: no personal data, only the alias the platform alone can resolve. */
export type IdentityCodePayload = {
  version: number;
  kind: IdentityCodeKind;
  /** The attributes the holder consented to, in the order of `identityCodeAttributes`. */
  attributes: IdentityCodeAttribute[];
  /** 16 hex characters: the platform key that signed it (GET /api/identity-codes/public-keys). */
  keyId: string;
  /** Unix seconds. */
  issuedAt: number;
  expiresAt: number;
  /** 32 hex characters. */
  alias: string;
  /** 16 hex characters, random per code. */
  nonce: string;
};

export type ParsedIdentityCode = { payload: IdentityCodePayload; payloadBytes: Uint8Array; signature: Uint8Array };

export function consentMaskOf(attributes: readonly IdentityCodeAttribute[]): number {
  return attributes.reduce((mask, a) => mask | (1 << identityCodeAttributeSpecs[a].bit), 0);
}

function attributesOfMask(mask: number): IdentityCodeAttribute[] | undefined {
  const attributes = identityCodeAttributes.filter((a) => (mask & (1 << identityCodeAttributeSpecs[a].bit)) !== 0);
  // A bit that names no attribute is not a code this version wrote.
  return consentMaskOf(attributes) === mask ? attributes : undefined;
}

/** The 44 signed bytes (big-endian), laid out as the README describes. */
export function encodeIdentityCodePayload(p: IdentityCodePayload): Uint8Array {
  const bytes = new Uint8Array(IDENTITY_CODE_PAYLOAD_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, p.version);
  view.setUint8(1, KIND_BYTES[p.kind]);
  view.setUint16(2, consentMaskOf(p.attributes));
  bytes.set(fromHex(p.keyId, 8), 4);
  view.setUint32(12, p.issuedAt);
  view.setUint32(16, p.expiresAt);
  bytes.set(fromHex(p.alias, 16), 20);
  bytes.set(fromHex(p.nonce, 8), 36);
  return bytes;
}

/** `ZTC1.<payload>.<signature>`, both parts base64url without padding. */
export function formatIdentityCode(payloadBytes: Uint8Array, signature: Uint8Array): string {
  return `${IDENTITY_CODE_PREFIX}.${toBase64Url(payloadBytes)}.${toBase64Url(signature)}`;
}

/**
 * Reads a code's text without checking its signature (the server does that; the scanning screen uses this to show
 * what the holder consented to before asking). Undefined for anything this version did not write.
 */
export function parseIdentityCode(text: string): ParsedIdentityCode | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[0] !== IDENTITY_CODE_PREFIX) return undefined;
  const payloadBytes = fromBase64Url(parts[1] ?? '');
  const signature = fromBase64Url(parts[2] ?? '');
  if (!payloadBytes || !signature || payloadBytes.length !== IDENTITY_CODE_PAYLOAD_BYTES) return undefined;
  if (signature.length < MIN_SIGNATURE_BYTES || signature.length > MAX_SIGNATURE_BYTES || signature[0] !== 0x30) return undefined;
  const view = new DataView(payloadBytes.buffer, payloadBytes.byteOffset, payloadBytes.byteLength);
  const version = view.getUint8(0);
  const kind = identityCodeKinds.find((k) => KIND_BYTES[k] === view.getUint8(1));
  const attributes = attributesOfMask(view.getUint16(2));
  const issuedAt = view.getUint32(12);
  const expiresAt = view.getUint32(16);
  if (version !== IDENTITY_CODE_VERSION || !kind || !attributes || attributes.length === 0) return undefined;
  if (attributes.some((a) => identityCodeAttributeSpecs[a].kind !== kind)) return undefined;
  if (expiresAt <= issuedAt || expiresAt - issuedAt > identityCodeTtl.maxSeconds) return undefined;
  const payload: IdentityCodePayload = {
    version,
    kind,
    attributes,
    keyId: toHex(payloadBytes.subarray(4, 12)),
    issuedAt,
    expiresAt,
    alias: toHex(payloadBytes.subarray(20, 36)),
    nonce: toHex(payloadBytes.subarray(36, 44)),
  };
  return { payload, payloadBytes, signature };
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += BASE64URL.charAt((chunk >> (18 - 6 * c)) & 63);
  }
  return out;
}

/** Strict: the base64url alphabet, no padding, and only the one canonical spelling of each byte string. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of text) {
    value = ((value << 6) | BASE64URL.indexOf(char)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, or two texts would decode to the same bytes.
  if ((value & ((1 << bits) - 1)) !== 0) return undefined;
  return bytes;
}

function fromHex(hex: string, length: number): Uint8Array {
  if (!new RegExp(`^[0-9a-f]{${length * 2}}$`).test(hex)) throw new RangeError(`expected ${length * 2} lower-case hex characters`);
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------- inputs

export const mintIdentityCodeInput = z.strictObject({
  preset: z.enum(identityCodePresets, requiredOr('invalid_value')),
});
export type MintIdentityCodeInput = z.infer<typeof mintIdentityCodeInput>;

export const identityCodeScanInput = z
  .strictObject({
    /** The code's text as scanned or pasted (`ZTC1.…`). */
    code: z.string(requiredOr('invalid_type')).trim().min(1, 'required').max(512, 'too_big'),
    purpose: z.enum(identityCodePurposes, requiredOr('invalid_value')),
    /** The scanner's own words, shown to the holder; required when the purpose is `other`. */
    purposeNote: z.string('invalid_type').trim().max(200, 'too_big').optional(),
    /** Exactly what the scanner needs; anything outside the holder's consent refuses the whole scan. */
    attributes: z
      .array(z.enum(identityCodeAttributes, 'invalid_value'), requiredOr('invalid_type'))
      .min(1, 'identityCode.attributesRequired')
      .max(identityCodeAttributes.length, 'too_big'),
  })
  .superRefine((v, ctx) => {
    if (v.purpose === 'other' && !v.purposeNote) ctx.addIssue({ code: 'custom', path: ['purposeNote'], message: 'identityCode.purposeNoteRequired' });
    if (new Set(v.attributes).size !== v.attributes.length) ctx.addIssue({ code: 'custom', path: ['attributes'], message: 'identityCode.attributesRepeated' });
  });
export type IdentityCodeScanInput = z.infer<typeof identityCodeScanInput>;

export const identityCodeScanQuery = pageQuery;
export type IdentityCodeScanQuery = z.infer<typeof identityCodeScanQuery>;

export const identityCodeSettingsInput = z.strictObject({
  ttlSeconds: z
    .number(requiredOr('invalid_type'))
    .int('invalid_type')
    .min(identityCodeTtl.minSeconds, 'identityCode.ttlRange')
    .max(identityCodeTtl.maxSeconds, 'identityCode.ttlRange'),
});
export type IdentityCodeSettings = z.infer<typeof identityCodeSettingsInput>;
export const identityCodeSettingsView = identityCodeSettingsInput;

// ---------------------------------------------------------------- views

export const identityCodeView = z.object({
  /** The text to put in the QR code (and to read out or paste when the holder cannot show a screen). */
  code: z.string(),
  kind: z.enum(identityCodeKinds),
  preset: z.enum(identityCodePresets),
  attributes: z.array(z.enum(identityCodeAttributes)),
  /** Who the code is for, as the holder is shown it: a masked name or the enterprise's name. */
  holderLabel: z.string(),
  keyId: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  /** Lifetime in seconds; the page counts down from when it received the code rather than trusting the device clock. */
  ttlSeconds: z.number().int(),
});
export type IdentityCodeView = z.infer<typeof identityCodeView>;

export const identityCodeResetView = z.object({ resetAt: z.string() });
export type IdentityCodeResetView = z.infer<typeof identityCodeResetView>;

/** The attributes a scan returned: only those asked for, each masked as its name says. */
export const identityCodeAttributeValues = z.object({
  realNameLevel: z.number().int().optional(),
  maskedName: z.string().optional(),
  name: z.string().optional(),
  maskedIdNumber: z.string().optional(),
  /** Null when the person gave no mobile number. */
  maskedPhone: z.string().nullable().optional(),
  enterpriseName: z.string().optional(),
  creditCode: z.string().optional(),
  enterpriseStatus: z.enum(enterpriseStatuses).optional(),
});
export type IdentityCodeAttributeValues = z.infer<typeof identityCodeAttributeValues>;

export const identityCodeScanResultView = z.object({
  /** The scan's reference in the log (quote it to the holder or in a case file). */
  scanId: z.string(),
  scannedAt: z.string(),
  kind: z.enum(identityCodeKinds),
  purpose: z.enum(identityCodePurposes),
  attributes: identityCodeAttributeValues,
  code: z.object({ keyId: z.string(), issuedAt: z.string(), expiresAt: z.string() }),
});
export type IdentityCodeScanResultView = z.infer<typeof identityCodeScanResultView>;

/** One line of the holder's scan history: who (department, staff), why, when, what they asked for, what came of it. */
export const identityCodeScanView = z.object({
  id: z.string(),
  scannedAt: z.string(),
  departmentName: z.string().nullable(),
  scannerName: z.string(),
  purpose: z.enum(identityCodePurposes),
  purposeNote: z.string().nullable(),
  /** On success, exactly what was read. */
  attributes: z.array(z.enum(identityCodeAttributes)),
  result: z.enum(identityCodeScanResults),
  missingAttributes: z.array(z.enum(identityCodeAttributes)),
});
export type IdentityCodeScanView = z.infer<typeof identityCodeScanView>;

/** The signature scheme: GB/T 32918.2 SM2 over SM3(Z ‖ payload bytes), Z with the GM/T 0009 default ID, DER. */
export const identityCodeSignatureScheme = { algorithm: 'SM2', hash: 'SM3', userId: '1234567812345678', signatureEncoding: 'DER' } as const;

export const identityCodePublicKeyList = z.object({
  algorithm: z.literal(identityCodeSignatureScheme.algorithm),
  hash: z.literal(identityCodeSignatureScheme.hash),
  userId: z.literal(identityCodeSignatureScheme.userId),
  signatureEncoding: z.literal(identityCodeSignatureScheme.signatureEncoding),
  /** The text format the keys sign (`ZTC1.<payload>.<signature>`, base64url). */
  format: z.literal(IDENTITY_CODE_PREFIX),
  payloadBytes: z.literal(IDENTITY_CODE_PAYLOAD_BYTES),
  generatedAt: z.string(),
  keys: z.array(
    z.object({
      keyId: z.string(),
      /** active signs new codes; retired only verifies old ones. */
      status: z.enum(['active', 'retired']),
      createdAt: z.string(),
      retiredAt: z.string().nullable(),
      publicKeyHex: z.string(),
      publicKeyPem: z.string(),
    }),
  ),
});
export type IdentityCodePublicKeyList = z.infer<typeof identityCodePublicKeyList>;

// ---------------------------------------------------------------- messages

export const identityCodesMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'identityCode.malformed': '无法识别该码:请确认是完整的码文(以 ZTC1. 开头),或请持码人重新出示',
    'identityCode.badSignature': '验签失败:该码不是本平台签发的,或内容已被改动',
    'identityCode.expired': '该码已过期,请持码人刷新后重新出示',
    'identityCode.used': '该码已被扫过,每个码只能使用一次;请持码人刷新后重新出示',
    'identityCode.revoked': '该码已失效:持码人已重置其码,或账号已停用',
    'identityCode.consentRequired': '持码人未同意提供此项信息',
    'identityCode.consentRequiredDetail': '持码人未同意提供:{attributes}。未返回任何信息。请持码人选择包含这些信息的用途后重新出示,或只勾选已同意的信息。',
    'identityCode.holdersOnly': '只有个人和企业可以出示码',
    'identityCode.presetNotForHolder': '所选用途不适用于当前身份(个人码与企业码的可选用途不同)',
    'identityCode.purposeNoteRequired': '用途为“其他”时,请写明具体用途',
    'identityCode.attributesRequired': '请至少选择一项需要读取的信息',
    'identityCode.attributesRepeated': '所需信息有重复',
    'identityCode.ttlRange': `有效期应在 ${identityCodeTtl.minSeconds} 至 ${identityCodeTtl.maxSeconds} 秒之间`,
    'identityCode.resetConflict': '码刚刚已被重置,请刷新页面',
  },
  'en-US': {
    'identityCode.malformed': 'This is not a code we can read: check that the whole text was entered (it starts with ZTC1.), or ask the holder to show it again',
    'identityCode.badSignature': 'The signature does not check out: this code was not issued by the platform, or it was changed',
    'identityCode.expired': 'This code has expired; ask the holder to refresh it and show it again',
    'identityCode.used': 'This code has already been scanned, and each code scans once; ask the holder to refresh it and show it again',
    'identityCode.revoked': 'This code is no longer valid: the holder has reset their code, or the account is disabled',
    'identityCode.consentRequired': 'The holder did not consent to this',
    'identityCode.consentRequiredDetail': 'The holder did not consent to: {attributes}. Nothing was returned. Ask the holder to choose a use that includes these, or ask only for what they consented to.',
    'identityCode.holdersOnly': 'Only citizens and enterprises show codes',
    'identityCode.presetNotForHolder': 'This use is not available for the current identity (personal and enterprise codes have different uses)',
    'identityCode.purposeNoteRequired': 'Describe the purpose when it is “Other”',
    'identityCode.attributesRequired': 'Choose at least one thing to read',
    'identityCode.attributesRepeated': 'The same item is asked for twice',
    'identityCode.ttlRange': `The lifetime must be between ${identityCodeTtl.minSeconds} and ${identityCodeTtl.maxSeconds} seconds`,
    'identityCode.resetConflict': 'The code was reset a moment ago; reload the page',
  },
};

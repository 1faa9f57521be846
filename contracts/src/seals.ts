import { z } from 'zod';
import type { Locale } from './errors';
import { requiredOr } from './audit';
import { pageQuery } from './identity';
import { versionSchema } from './org';

// 电子印章 (GB/T 38540): a department's seal is an SM2 key pair plus a generated seal image. Licences and decision
// letters carry the image and an SM2 signature that anyone can check offline against the published public keys.
// Shared by browser and server: keep this file free of node: imports.

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

/** official 公章, approval 行政审批专用章, licence 证照专用章. */
export const sealKinds = ['official', 'approval', 'licence'] as const;
export type SealKind = (typeof sealKinds)[number];
export const sealKindNames: Labels<SealKind> = {
  official: { 'zh-CN': '公章', 'en-US': 'Official seal' },
  approval: { 'zh-CN': '行政审批专用章', 'en-US': 'Administrative approval seal' },
  licence: { 'zh-CN': '证照专用章', 'en-US': 'Licence seal' },
};
/** What a seal of each kind says under the star; a 公章 carries only the department's name. */
export const sealCaptions: Readonly<Record<SealKind, string>> = { official: '', approval: '行政审批专用章', licence: '证照专用章' };

export const sealStatuses = ['active', 'revoked'] as const;
export type SealStatus = (typeof sealStatuses)[number];
export const sealStatusNames: Labels<SealStatus> = {
  active: { 'zh-CN': '在用', 'en-US': 'In use' },
  revoked: { 'zh-CN': '已注销', 'en-US': 'Revoked' },
};

/** What verifiers are told about the key behind a signature (`unknown`: no seal has that key id). */
export const sealVerdictStatuses = ['active', 'revoked', 'unknown'] as const;
export type SealVerdictStatus = (typeof sealVerdictStatuses)[number];

/** The signature scheme every seal uses: GB/T 32918.2 SM2 over SM3(Z ‖ message), Z with the GM/T 0009 default ID. */
export const sealSignatureScheme = { algorithm: 'SM2', hash: 'SM3', userId: '1234567812345678', signatureEncoding: 'DER' } as const;

// ---------------------------------------------------------------- inputs

const isoDate = z.iso.date('invalid_format');

export const createSealInput = z
  .strictObject({
    departmentId: z.uuid(requiredOr('invalid_format')),
    kind: z.enum(sealKinds, requiredOr('invalid_value')),
    /** As carved on the seal; defaults to the department's name followed by the kind (云溪市市场监督管理局行政审批专用章). */
    name: z.string().trim().min(2, 'too_small').max(60, 'too_big').optional(),
    /** Beijing dates, both inclusive; default from today for five years. */
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.validFrom && v.validTo && v.validTo <= v.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'seal.validToBeforeFrom' });
  });
export type CreateSealInput = z.infer<typeof createSealInput>;

export const revokeSealInput = z.strictObject({
  /** Why: 印章遗失, 密钥泄露, 机构撤并, 到期更换 …; published with the public key. */
  reason: z.string().trim().min(2, 'too_small').max(200, 'too_big'),
  version: versionSchema,
});
export type RevokeSealInput = z.infer<typeof revokeSealInput>;

export const sealListQuery = pageQuery.extend({
  departmentId: z.uuid('invalid_format').optional(),
  kind: z.enum(sealKinds, 'invalid_value').optional(),
  status: z.enum(sealStatuses, 'invalid_value').optional(),
});
export type SealListQuery = z.infer<typeof sealListQuery>;

// ---------------------------------------------------------------- views

export const sealView = z.object({
  id: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  name: z.string(),
  kind: z.enum(sealKinds),
  /** First 16 hex characters of SM3 over the public key's bytes: names the key in signatures and QR payloads. */
  keyId: z.string(),
  publicKeyHex: z.string(),
  status: z.enum(sealStatuses),
  /** Active and today (Beijing) within its validity: it may sign now. */
  isInForce: z.boolean(),
  validFrom: z.string(),
  validTo: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type SealView = z.infer<typeof sealView>;

/** One entry of the public key list: everything an offline verifier needs about a seal, and nothing secret. */
export const sealPublicKey = z.object({
  keyId: z.string(),
  sealId: z.string(),
  name: z.string(),
  kind: z.enum(sealKinds),
  departmentName: z.string(),
  /** The department's 统一社会信用代码 (GB 32100). */
  creditCode: z.string(),
  status: z.enum(sealStatuses),
  validFrom: z.string(),
  validTo: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  /** Uncompressed point 04 ‖ X ‖ Y. */
  publicKeyHex: z.string(),
  /** SubjectPublicKeyInfo with the SM2 curve OID, as `openssl dgst -sm3 -verify` reads it. */
  publicKeyPem: z.string(),
  imageUrl: z.string(),
});
export type SealPublicKey = z.infer<typeof sealPublicKey>;

export const sealPublicKeyList = z.object({
  algorithm: z.literal(sealSignatureScheme.algorithm),
  hash: z.literal(sealSignatureScheme.hash),
  userId: z.literal(sealSignatureScheme.userId),
  signatureEncoding: z.literal(sealSignatureScheme.signatureEncoding),
  generatedAt: z.string(),
  keys: z.array(sealPublicKey),
});
export type SealPublicKeyList = z.infer<typeof sealPublicKeyList>;

// ---------------------------------------------------------------- messages

const kindMessages = (locale: Locale) => Object.fromEntries(sealKinds.map((k) => [`seal.kind.${k}`, sealKindNames[k][locale]]));

export const sealsMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    ...kindMessages('zh-CN'),
    'seal.notFound': '未找到该电子印章',
    'seal.departmentNotFound': '所选部门不存在或已停用',
    'seal.activeExists': '该部门已有一枚在用的同类印章,请先注销旧章再制作新章',
    'seal.validToBeforeFrom': '有效期截止日期应晚于起始日期',
    'seal.validFromInPast': '有效期起始日期不能早于今天',
    'seal.alreadyRevoked': '该印章已注销',
    'seal.noActiveSeal': '该部门没有在用的{kind},请联系安全管理员制作电子印章',
    'seal.notInForce': '印章“{name}”不在有效期内({validFrom} 至 {validTo}),不能用印',
    'seal.revoked': '印章“{name}”已注销,不能用印',
  },
  'en-US': {
    ...kindMessages('en-US'),
    'seal.notFound': 'No such electronic seal',
    'seal.departmentNotFound': 'The department does not exist or is inactive',
    'seal.activeExists': 'The department already has a seal of this kind in use; revoke it before making a new one',
    'seal.validToBeforeFrom': 'The end of validity must be after its start',
    'seal.validFromInPast': 'Validity cannot start before today',
    'seal.alreadyRevoked': 'This seal has already been revoked',
    'seal.noActiveSeal': 'The department has no {kind} in use; ask the security administrator to make one',
    'seal.notInForce': 'The seal “{name}” is outside its validity ({validFrom} to {validTo}) and cannot be used',
    'seal.revoked': 'The seal “{name}” has been revoked and cannot be used',
  },
};

import { z } from 'zod';
import { creditCodeSchema, idNumberSchema } from './identifiers';
import { staffRoles } from './permissions';

/** Real names: 1–30 characters counted as code points, so 生僻字 outside the BMP (𠮷) count as one. */
export const realNameSchema = z
  .string()
  .trim()
  .refine((v) => {
    const n = Array.from(v).length;
    return n >= 1 && n <= 30 && !/[\d<>{}[\]\\/@#$%^&*=+|;:"]/.test(v);
  }, 'name.invalid');

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, 'phone.invalid');

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.]{3,32}$/, 'username.invalid');

export const passwordSchema = z.string().min(1, 'required').max(128, 'too_big');

export const loginInput = z.object({
  username: z.string().trim().min(1, 'required').max(64, 'too_big'),
  password: passwordSchema,
  totp: z.string().trim().regex(/^\d{6}$/, 'totp.format').optional(),
});
export type LoginInput = z.infer<typeof loginInput>;

export const accountTypes = ['citizen', 'enterprise', 'staff'] as const;
export const sessionStages = ['full', 'password-change', 'totp-enrol'] as const;

export const meView = z.object({
  accountId: z.string(),
  accountType: z.enum(accountTypes),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  regionCode: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  stage: z.enum(sessionStages),
  totpEnabled: z.boolean(),
  realNameLevel: z.number().int(),
  sessionExpiresAt: z.string(),
});
export type MeView = z.infer<typeof meView>;

export const loginResult = z.object({ token: z.string(), me: meView });

export const registerCitizenInput = z.object({
  name: realNameSchema,
  idNumber: idNumberSchema,
  phone: phoneSchema,
  password: passwordSchema,
});
export type RegisterCitizenInput = z.infer<typeof registerCitizenInput>;

export const registerEnterpriseInput = z.object({
  name: z.string().trim().min(2, 'too_small').max(100, 'too_big'),
  creditCode: creditCodeSchema,
  legalRepName: realNameSchema,
  legalRepIdNumber: idNumberSchema,
  password: passwordSchema,
});
export type RegisterEnterpriseInput = z.infer<typeof registerEnterpriseInput>;

export const changePasswordInput = z.object({ currentPassword: passwordSchema, newPassword: passwordSchema });
export const totpConfirmInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'totp.format') });
export const totpSetupView = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });

export const staffRoleSchema = z.enum(staffRoles);

export const staffView = z.object({
  accountId: z.string(),
  username: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  positionId: z.string().nullable(),
  positionName: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
  isLocked: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type StaffView = z.infer<typeof staffView>;

export const createStaffInput = z.object({
  username: usernameSchema,
  name: realNameSchema,
  departmentId: z.uuid('invalid_format'),
  regionCode: z.string().regex(/^\d{12}$/, 'regionCode.invalid').optional(),
  positionId: z.uuid('invalid_format').optional(),
  phone: phoneSchema.optional(),
  initialPassword: passwordSchema,
  totpRequired: z.boolean().optional(),
  roles: z.array(staffRoleSchema).max(20).optional(),
});
export type CreateStaffInput = z.infer<typeof createStaffInput>;

export const updateStaffInput = z.object({
  name: realNameSchema.optional(),
  departmentId: z.uuid('invalid_format').optional(),
  regionCode: z.string().regex(/^\d{12}$/, 'regionCode.invalid').optional(),
  positionId: z.uuid('invalid_format').nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  totpRequired: z.boolean().optional(),
  version: z.number().int(),
});

export const setRolesInput = z.object({ roles: z.array(staffRoleSchema).max(20), version: z.number().int() });

export const personView = z.object({
  accountId: z.string(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  regionCode: z.string().nullable(),
  isMasked: z.boolean(),
});
export type PersonView = z.infer<typeof personView>;

export const enterpriseView = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  legalRepName: z.string(),
  regionCode: z.string().nullable(),
  address: z.string().nullable(),
});

export const agentView = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  personAccountId: z.string(),
  personName: z.string(),
  validUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const grantAgentInput = z.object({
  idNumber: idNumberSchema,
  name: realNameSchema,
  validUntil: z.iso.date('invalid_format').optional(),
});

export const actAsInput = z.object({ enterpriseId: z.uuid('invalid_format').nullable() });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

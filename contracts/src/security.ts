import { z } from 'zod';
import type { Locale } from './errors';
import { cursorPageOf, cursorQueryShape, requiredOr } from './audit';

/** Security policy (安全策略, the security admin's) and outbox inspection (the operators'). */

export const securityPolicyView = z.object({
  /** Every staff account must sign in with a TOTP second factor (等保2.0 level 3: two factors for staff). */
  requireStaffTotp: z.boolean(),
  /** The deployment forces it (REQUIRE_STAFF_TOTP); the setting cannot turn it off. */
  isEnforcedByConfig: z.boolean(),
  /** Opaque: send it back with a change; a concurrent change makes the save fail. */
  version: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type SecurityPolicyView = z.infer<typeof securityPolicyView>;

export const securityPolicyInput = z.object({
  requireStaffTotp: z.boolean(requiredOr('invalid_type')),
  version: z.string().min(1, 'required').max(64, 'too_big'),
});
export type SecurityPolicyInput = z.infer<typeof securityPolicyInput>;

export const outboxStatuses = ['pending', 'processed', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxEventQuery = z.object({
  /** Exact topic, or a prefix ending in a dot (`notify.` → notify.sms, notify.email …). */
  topic: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/i, 'outbox.topicFormat').optional(),
  status: z.enum(outboxStatuses, 'invalid_value').optional(),
  ...cursorQueryShape,
});
export type OutboxEventQuery = z.infer<typeof outboxEventQuery>;

export const outboxEventView = z.object({
  id: z.string(),
  topic: z.string(),
  status: z.enum(outboxStatuses),
  /** Phone numbers, ID numbers, e-mail addresses and names in the payload are shown masked. */
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  processedAt: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** Pending only: not tried again before this time. */
  nextAttemptAt: z.string().nullable(),
});
export type OutboxEventView = z.infer<typeof outboxEventView>;

export const outboxEventPage = cursorPageOf(outboxEventView);

export const securityMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'securityPolicy.enforcedByConfig': '部署配置(REQUIRE_STAFF_TOTP)已强制所有工作人员使用动态验证码,不能在此关闭',
    'outbox.topicFormat': '主题只能包含字母、数字、点、下划线和连字符',
  },
  'en-US': {
    'securityPolicy.enforcedByConfig': 'The deployment (REQUIRE_STAFF_TOTP) forces TOTP for all staff; it cannot be turned off here',
    'outbox.topicFormat': 'Topics contain only letters, digits, dots, underscores and hyphens',
  },
};

import type { LicenseAction, LicenseStatus, LicenseValidityRule } from '@zhengtong/contracts';
import { toLocalDate } from '../../kernel/calendar';

// The licence state machine, pure: which action moves which status where, and the status a reader is told
// (expired the day after the last valid day, whether or not the daily job has recorded it).

/** Where each action leads from each status it is allowed in; anything else is refused. */
const transitions: Readonly<Record<Exclude<LicenseAction, 'issue'>, Partial<Record<LicenseStatus, LicenseStatus>>>> = {
  // 暂扣: a valid licence is suspended (e.g. pending a rectification order); it may be restored.
  suspend: { valid: 'suspended' },
  restore: { suspended: 'valid' },
  // 注销/吊销 is final; an expired licence needs no revocation.
  revoke: { valid: 'revoked', suspended: 'revoked' },
  expire: { valid: 'expired', suspended: 'expired' },
};

export function nextStatus(action: Exclude<LicenseAction, 'issue'>, current: LicenseStatus): LicenseStatus | undefined {
  return transitions[action][current];
}

/** Today in Beijing, the calendar licences are dated in. */
export function todayInBeijing(now = new Date()): string {
  return toLocalDate(now);
}

/** The status to report: a valid or suspended licence whose last valid day has passed is expired. */
export function effectiveStatus(row: { status: LicenseStatus; valid_to: string | null }, today: string): LicenseStatus {
  switch (row.status) {
    case 'valid':
    case 'suspended':
      return row.valid_to !== null && row.valid_to < today ? 'expired' : row.status;
    case 'revoked':
    case 'expired':
      return row.status;
  }
}

/** Since when the reported status holds: for a not-yet-recorded expiry, the day after the last valid day. */
export function statusSince(row: { status: LicenseStatus; valid_to: string | null; status_changed_at: Date | null }, today: string): string | null {
  const effective = effectiveStatus(row, today);
  if (effective === 'expired' && row.status !== 'expired' && row.valid_to) return nextDay(row.valid_to);
  return row.status_changed_at?.toISOString() ?? null;
}

function nextDay(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The last valid day a type's rule gives: none for 长期, from + N years − 1 day, or the named field's date. */
export function validToByRule(rule: LicenseValidityRule, validFrom: string, fields: Record<string, string>): string | null {
  switch (rule.mode) {
    case 'permanent':
      return null;
    case 'years': {
      const [y = 0, m = 1, d = 1] = validFrom.split('-').map(Number);
      return new Date(Date.UTC(y + rule.years, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
    }
    case 'field':
      return fields[rule.field] ?? null;
  }
}

import type { AuditResult, Locale } from '@zhengtong/contracts';
import type { AuditRow } from './repo';

/** Pure formatting of audit records for the CSV and XLSX exports. */

type Column = { key: string; width: number; title: Record<Locale, string> };

export const exportColumns: readonly Column[] = [
  { key: 'id', width: 12, title: { 'zh-CN': '编号', 'en-US': 'ID' } },
  { key: 'at', width: 24, title: { 'zh-CN': '时间(北京时间)', 'en-US': 'Time (Beijing)' } },
  { key: 'actorName', width: 14, title: { 'zh-CN': '操作人', 'en-US': 'Actor' } },
  { key: 'actorId', width: 38, title: { 'zh-CN': '操作人账号', 'en-US': 'Actor account' } },
  { key: 'actorRole', width: 16, title: { 'zh-CN': '角色', 'en-US': 'Role' } },
  { key: 'action', width: 22, title: { 'zh-CN': '操作', 'en-US': 'Action' } },
  { key: 'objectType', width: 14, title: { 'zh-CN': '对象类型', 'en-US': 'Object type' } },
  { key: 'objectId', width: 38, title: { 'zh-CN': '对象编号', 'en-US': 'Object ID' } },
  { key: 'result', width: 8, title: { 'zh-CN': '结果', 'en-US': 'Result' } },
  { key: 'ip', width: 16, title: { 'zh-CN': '来源IP', 'en-US': 'Source IP' } },
  { key: 'requestId', width: 38, title: { 'zh-CN': '请求编号', 'en-US': 'Request ID' } },
  { key: 'detail', width: 60, title: { 'zh-CN': '详情', 'en-US': 'Detail' } },
  { key: 'hash', width: 66, title: { 'zh-CN': '哈希(SM3)', 'en-US': 'Hash (SM3)' } },
];

const resultNames: Record<AuditResult, Record<Locale, string>> = {
  success: { 'zh-CN': '成功', 'en-US': 'success' },
  denied: { 'zh-CN': '拒绝', 'en-US': 'denied' },
  failure: { 'zh-CN': '失败', 'en-US': 'failure' },
};

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** '2026-03-01 09:30:00.123' in Beijing time (UTC+8, no daylight saving): what an auditor in China reads. */
export function beijingTime(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().replace('T', ' ').replace('Z', '');
}

export function exportHeaders(locale: Locale): string[] {
  return exportColumns.map((c) => c.title[locale]);
}

export function exportCells(row: AuditRow, locale: Locale): string[] {
  return [
    row.id,
    beijingTime(row.at),
    row.actor_name ?? '',
    row.actor_id ?? '',
    row.actor_role ?? '',
    row.action,
    row.object_type ?? '',
    row.object_id ?? '',
    resultNames[row.result][locale],
    row.ip ?? '',
    row.request_id ?? '',
    JSON.stringify(row.detail),
    row.hash,
  ];
}

/**
 * One CSV field (RFC 4180). A value a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe: names and details come from users, and an export must not become an attack on the auditor (OWASP CSV
 * injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Excel keeps at most 32,767 characters in a cell; longer text is cut with a visible mark. */
export function xlsxText(value: string): string {
  const limit = 32_767;
  return value.length <= limit ? value : `${value.slice(0, limit - 1)}…`;
}

/** `audit-records-20260301-093000` in Beijing time. */
export function exportBaseName(now: Date): string {
  return `audit-records-${beijingTime(now).slice(0, 19).replace(/[-:]/g, '').replace(' ', '-')}`;
}

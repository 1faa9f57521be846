import type { CaseStatus, FormField, Locale, SupplementItem, TrafficLight, WorkflowStepKey } from '@zhengtong/contracts';
import { textIn } from '../../shared/schema-form/logic';

// Small pieces of the case pages in words an applicant reads without calling the hotline: dates as on paper,
// the time left, where the case stands, and exactly what to correct.

/** 2026年3月5日 / 2026-03-05 (the server's timestamps, read in Beijing time). */
export function dateWords(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  // Government deadlines are Beijing dates whatever the reader's clock says.
  const beijing = new Date(date.getTime() + 8 * 3600_000);
  const y = beijing.getUTCFullYear();
  const m = beijing.getUTCMonth() + 1;
  const d = beijing.getUTCDate();
  return locale === 'zh-CN' ? `${y}年${m}月${d}日` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type ClockWords = { key: 'onTime' | 'dueToday' | 'overdue' | 'paused' | 'none'; days: number };

/** How the time limit stands: n working days left, due today, n days overdue, paused, or no clock. */
export function clockWords(light: TrafficLight, workingDaysLeft: number | null): ClockWords {
  if (light === 'paused') return { key: 'paused', days: 0 };
  if (light === 'none' || workingDaysLeft === null) return { key: 'none', days: 0 };
  if (workingDaysLeft < 0) return { key: 'overdue', days: -workingDaysLeft };
  if (workingDaysLeft === 0) return { key: 'dueToday', days: 0 };
  return { key: 'onTime', days: workingDaysLeft };
}

/** The stages an applicant recognises, and which one the case is at (for a progress bar). */
export const caseStages = ['apply', 'accept', 'review', 'decide', 'done'] as const;
export type CaseStage = (typeof caseStages)[number];

export function stageOf(status: CaseStatus, step: WorkflowStepKey | null = null): { stage: CaseStage; isStopped: boolean } {
  switch (status) {
    case 'draft':
      return { stage: 'apply', isStopped: false };
    case 'submitted':
      return { stage: 'accept', isStopped: false };
    case 'accepted':
    case 'in_review':
      return { stage: 'review', isStopped: false };
    case 'suspended':
      // 补正 asked before acceptance stops the case at acceptance; later it stops where it stands.
      return { stage: step === 'accept' ? 'accept' : step === 'decide' ? 'decide' : 'review', isStopped: true };
    case 'decided':
      return { stage: 'decide', isStopped: false };
    case 'completed':
    case 'denied':
      return { stage: 'done', isStopped: false };
    case 'refused':
      return { stage: 'accept', isStopped: true };
    case 'withdrawn':
      return { stage: 'apply', isStopped: true };
  }
}

/** Whether the case has ended, one way or another. */
export function isClosed(status: CaseStatus): boolean {
  return status === 'completed' || status === 'denied' || status === 'refused' || status === 'withdrawn';
}

export type SupplementLine = { target: SupplementItem['target']; key: string; what: string; reason: string };

/**
 * 一次性告知: each thing to correct with the name the applicant knows it by (the material's or the form field's
 * label, not its key).
 */
export function supplementLines(items: readonly SupplementItem[], names: { materials: readonly { key: string; name: string }[]; fields: readonly FormField[] }, locale: Locale): SupplementLine[] {
  return items.map((item) => {
    const material = item.target === 'material' ? names.materials.find((m) => m.key === item.key) : undefined;
    const field = item.target === 'field' ? names.fields.find((f) => f.key === item.key) : undefined;
    const what = material?.name ?? (field ? textIn(field.label, locale) : item.key);
    return { target: item.target, key: item.key, what, reason: item.reason };
  });
}

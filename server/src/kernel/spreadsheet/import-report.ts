import type { OrgImportReport, OrgImportRowError } from '@zhengtong/contracts';
import type { Actor } from '../authz';
import { translate } from '../i18n';

const MAX_REPORTED_ERRORS = 1000;

/** Collects per-row problems of an import in the reader's language, one entry per row and field. */
export class RowErrors {
  readonly items: OrgImportRowError[] = [];
  private readonly seen = new Set<string>();
  private readonly rows = new Set<number>();

  constructor(private readonly actor: Actor) {}

  add(row: number, field: string, column: string, code: string, params: Record<string, string | number> = {}): void {
    const key = `${row}/${field}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.rows.add(row);
    this.items.push({ row, field, column, code, message: translate(code, this.actor.context.locale, params) });
  }

  has(row: number): boolean {
    return this.rows.has(row);
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  /** The first errors in sheet order; a sheet wrong in every row should not produce a multi-megabyte answer. */
  firstSorted(limit: number): OrgImportRowError[] {
    return [...this.items].sort((a, b) => a.row - b.row).slice(0, limit);
  }
}

export function importReport(
  options: { dryRun: boolean; isApplied: boolean; total: number; created: number; updated: number; unchanged: number },
  errors: RowErrors,
): OrgImportReport {
  return { ...options, errorCount: errors.items.length, errors: errors.firstSorted(MAX_REPORTED_ERRORS) };
}

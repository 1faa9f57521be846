import { MAX_OPEN_OFFSET, type OpenRecordsPage, type OpenRecordsQuery } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, invalid } from '../../kernel/errors';
import { scanRecords } from '../catalogue';
import { findActiveKey, markKeyUsed } from './api-keys';
import { currentApproval } from './applications';
import { getOpenDataset } from './datasets';
import { fieldView, leavingFields, shapeRecord } from './fields';
import { admitCall, type Admission } from './rate-limit';
import { countApiCall } from './stats';

// 开放接口: records of an open dataset, page by page, for a developer's key (X-Api-Key). The key's party receives the
// open items, and the restricted ones too while an approval of theirs for the dataset is current. Each answered call
// counts against the key's minute and day limits, on the key and on the dataset; reads of restricted items are
// audited (who, which dataset, under which approval, how many rows).

export type RateHeaders = Record<string, string>;

export class RateLimitedError extends AppError {
  readonly headers: RateHeaders;
  constructor(admission: Extract<Admission, { isAdmitted: false }>) {
    super('RATE_LIMITED', { detail: admission.reason === 'rate' ? 'openData.rateLimited' : 'openData.quotaExceeded', params: { limit: admission.limit } });
    this.headers = { 'retry-after': String(admission.retryAfterSeconds), 'x-ratelimit-limit': String(admission.limit), 'x-ratelimit-remaining': '0' };
  }
}

/** The keyset position of a page, opaque to callers (it may be a blind index: never shown as such). */
export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ a: after }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'a' in parsed && typeof parsed.a === 'string' && parsed.a !== '') return parsed.a;
  } catch {
    // fall through: any malformed cursor is the caller's mistake
  }
  throw invalid([{ field: 'cursor', code: 'openData.cursor' }]);
}

export async function readOpenRecords(
  kernel: Kernel,
  { actor, apiKey, code, query }: { actor: Actor; apiKey: string | undefined; code: string; query: OpenRecordsQuery },
): Promise<{ page: OpenRecordsPage; headers: RateHeaders }> {
  if (!apiKey) throw new AppError('UNAUTHENTICATED', { detail: 'openData.apiKey.missing' });
  const key = await findActiveKey(kernel.db, kernel.keys, apiKey.trim());
  if (!key) throw new AppError('UNAUTHENTICATED', { detail: 'openData.apiKey.invalid' });
  const dataset = await getOpenDataset(kernel.db, code);
  const offset = (query.page - 1) * query.pageSize;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (!after && offset > MAX_OPEN_OFFSET) throw invalid([{ field: 'page', code: 'openData.tooDeep' }]);

  const resource = dataset.resource;
  const party = { accountId: key.account_id, enterpriseId: key.enterprise_id };
  const approval = await currentApproval(kernel.db, resource.id, party);
  const fields = leavingFields(resource, approval !== undefined);
  if (fields.length === 0) throw new AppError('FORBIDDEN', { detail: 'openData.applicationRequired' });

  const admission = await admitCall(kernel.db, key);
  if (!admission.isAdmitted) throw new RateLimitedError(admission);
  let start = after;
  if (!start && offset > 0) {
    // page/pageSize reaches a page by walking the keys before it (the cursor avoids this for deep pages).
    const skipped = await scanRecords(kernel.db, kernel.keys, resource, { limit: offset });
    start = skipped.nextAfter;
  }
  const rows = start === null && offset > 0 ? { rows: [], nextAfter: null } : await scanRecords(kernel.db, kernel.keys, resource, { after: start, limit: query.pageSize });
  const items = rows.rows.map((r) => shapeRecord(r, fields));

  await inTransaction(kernel.db, async (tx) => {
    await markKeyUsed(tx, key.id);
    await countApiCall(tx, resource.id);
    if (approval) {
      const detail = { code: resource.code, applicationId: approval.id, keyId: key.id, rows: items.length };
      await audit(tx, actor, { action: 'open-data.records.restricted-read', objectType: 'data-resource', objectId: resource.id, detail: { ...detail, accountId: key.account_id, enterpriseId: key.enterprise_id } });
    }
  });

  return {
    page: {
      dataset: resource.code,
      fields: fields.map(fieldView),
      items,
      total: resource.recordCount,
      page: query.page,
      pageSize: query.pageSize,
      next: rows.nextAfter ? encodeCursor(rows.nextAfter) : null,
      includesRestricted: approval !== undefined,
    },
    headers: { 'x-ratelimit-limit': String(admission.limitToday), 'x-ratelimit-remaining': String(admission.remainingToday) },
  };
}

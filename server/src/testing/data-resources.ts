import crypto from 'node:crypto';
import { sql } from 'kysely';
import { dataResourceDefinitionSchema, type DataRecordValues, type PublishedDataResource, type ResourceSourceKind } from '@zhengtong/contracts';
import type { Kernel } from '../kernel/context';
import { newId } from '../kernel/ids';
import { inTransaction } from '../kernel/audit';
import { getPublishedResource, resourceLevel } from '../data/catalogue/published';
import { writeRecords } from '../data/catalogue/records';
import { tables } from '../data/catalogue/tables';

// Test-only: a published resource written straight into the catalogue's tables, so the exchange, open-data and
// aggregate tests need not walk the catalogue's review workflow first (the catalogue's own tests do).

export type TestResourceInput = {
  providerDepartmentId: string;
  regionCode: string;
  sourceKind?: ResourceSourceKind;
  code?: string;
  /** Anything dataResourceDefinitionSchema accepts; defaults fill the rest. */
  definition: Record<string, unknown>;
  records?: DataRecordValues[];
};

export function testResourceCode(): string {
  return `T-${crypto.randomBytes(5).toString('hex').toUpperCase()}`;
}

export async function publishTestResource(kernel: Kernel, input: TestResourceInput): Promise<PublishedDataResource> {
  const definition = dataResourceDefinitionSchema.parse({
    catalogueType: 'department',
    classification: { category: '测试' },
    summary: '测试资源',
    format: 'database',
    updateCycle: 'daily',
    ...input.definition,
  });
  const id = newId();
  const code = input.code ?? testResourceCode();
  await inTransaction(kernel.db, async (tx) => {
    const db = tables(tx);
    await db
      .insertInto('data_resources')
      .values({
        id,
        code,
        provider_department_id: input.providerDepartmentId,
        region_code: input.regionCode,
        source_kind: input.sourceKind ?? 'table',
        status: 'published',
        published_version: 1,
        definition: JSON.stringify(definition),
        name: definition.name,
        level: resourceLevel(definition),
        share_type: definition.shareType,
        open_type: definition.openType,
        format: definition.format,
        catalogue_type: definition.catalogueType,
        themes: definition.themes,
        search_text: definition.name,
        record_count: 0,
        records_updated_at: null,
        created_by: null,
        created_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .execute();
    await db
      .insertInto('data_resource_versions')
      .values({ resource_id: id, number: 1, status: 'published', definition: JSON.stringify(definition), created_by: null, created_at: sql`now()`, submitted_at: sql`now()`, decided_by: null, decided_at: sql`now()` })
      .execute();
  });
  const resource = await getPublishedResource(kernel.db, id);
  if (input.records && input.records.length > 0) {
    await inTransaction(kernel.db, async (tx) => {
      await writeRecords(tx, kernel.keys, resource, input.records ?? []);
    });
  }
  return getPublishedResource(kernel.db, id);
}

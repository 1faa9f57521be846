import type { CaseLicenseView, ItemVersionView, Material } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import type { NewRow, Queryable, Row } from '../../kernel/db';
import { invalid } from '../../kernel/errors';
import { findValidLicense, useLicenseForCase, type LicenseHolderRef } from '../../platform/licenses';
import { applicableMaterials } from './materials';
import type { CaseRow } from './repo';

// 免证办: a material the government itself issues (it names a licence type) is not asked of an applicant who holds a
// valid electronic licence of that type. Before submission the licence is only looked up (a preview for the form);
// in the submitting transaction its use is recorded by the licences domain (applying is consent for this case, and
// the holder sees the use in 证照夹) and the case keeps what it relied on (case_licenses).

export type CaseLicenseRow = Row<'case_licenses'>;

type HolderColumns = Pick<NewRow<'cases'>, 'applicant_type' | 'applicant_account_id' | 'applicant_enterprise_id' | 'applicant_id_number_idx' | 'applicant_credit_code'>;

/** Whose licences an application draws on: the applicant (a person, or the enterprise — never its agent). */
export function holderOf(row: HolderColumns): LicenseHolderRef {
  return row.applicant_type === 'person'
    ? { type: 'person', accountId: row.applicant_account_id ?? null, idNumberIdx: row.applicant_id_number_idx ?? null }
    : { type: 'enterprise', enterpriseId: row.applicant_enterprise_id ?? null, creditCode: row.applicant_credit_code ?? null };
}

/** Materials that name a licence type; all of them when `values` is null (a preview before the form is filled). */
function licensed(version: ItemVersionView, values: Readonly<Record<string, unknown>> | null): (Material & { licenseTypeCode: string })[] {
  return (values ? applicableMaterials(version, values) : version.materials).filter((m): m is Material & { licenseTypeCode: string } => Boolean(m.licenseTypeCode));
}

/** Materials (by key) that the holder's valid licences satisfy today, with the licence each would come from. */
export async function fetchableMaterials(db: Queryable, version: ItemVersionView, values: Readonly<Record<string, unknown>> | null, holder: LicenseHolderRef): Promise<Map<string, CaseLicenseView>> {
  const found = new Map<string, CaseLicenseView>();
  for (const material of licensed(version, values)) {
    const license = await findValidLicense(db, holder, material.licenseTypeCode);
    if (!license) continue;
    found.set(material.key, {
      identifier: license.identifier,
      typeCode: license.type_code,
      typeName: license.type_name,
      issuerName: license.issuer_name,
      holderName: license.holder_name,
      validFrom: license.valid_from,
      validTo: license.valid_to,
      fields: [],
      fetchedAt: null,
    });
  }
  return found;
}

/** 免证办率 inputs of a submission: required materials that apply, and how many of them the system fetched. */
export function materialCounts(version: ItemVersionView, values: Readonly<Record<string, unknown>>, fetched: ReadonlySet<string>): { materials_required: number; materials_fetched: number } {
  const required = applicableMaterials(version, values).filter((m) => m.isRequired);
  return { materials_required: required.length, materials_fetched: required.filter((m) => fetched.has(m.key)).length };
}

/**
 * In the submitting transaction: fetches each licence (the licences domain records the use) and keeps it on the case.
 * A licence that stopped being valid since the preview makes the material missing again.
 */
export async function fetchLicenses(tx: Queryable, actor: Actor, row: CaseRow, keys: readonly string[], version: ItemVersionView, now: Date): Promise<CaseLicenseRow[]> {
  const rows: NewRow<'case_licenses'>[] = [];
  for (const key of keys) {
    const material = version.materials.find((m) => m.key === key);
    if (!material?.licenseTypeCode) continue;
    const used = await useLicenseForCase(tx, { holder: holderOf(row), typeCode: material.licenseTypeCode, caseId: row.id, caseNumber: row.case_number, departmentId: row.handling_department_id, actor });
    if (!used) throw invalid([{ field: `materials.${key}`, code: 'cases.materialMissing' }]);
    rows.push({
      case_id: row.id,
      material_key: key,
      license_id: used.id,
      identifier: used.identifier,
      type_code: used.typeCode,
      type_name: used.typeName,
      issuer_name: used.issuerName,
      holder_name: used.holderName,
      valid_from: used.validFrom,
      valid_to: used.validTo,
      fields: JSON.stringify(used.fields),
      seal_key_id: used.sealKeyId,
      signature: used.signature,
      use_id: used.useId,
      fetched_at: now,
    });
  }
  if (rows.length === 0) return [];
  return tx.insertInto('case_licenses').values(rows).returningAll().execute();
}

export function listCaseLicenses(db: Queryable, caseId: string): Promise<CaseLicenseRow[]> {
  return db.selectFrom('case_licenses').selectAll().where('case_id', '=', caseId).execute();
}

export function caseLicenseView(row: CaseLicenseRow): CaseLicenseView {
  return {
    identifier: row.identifier,
    typeCode: row.type_code,
    typeName: row.type_name,
    issuerName: row.issuer_name,
    holderName: row.holder_name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    fields: row.fields,
    fetchedAt: row.fetched_at.toISOString(),
  };
}

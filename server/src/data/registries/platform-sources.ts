import { registryLicenseStatusValues, type RegistryKind, type RegistryValue } from '@zhengtong/contracts';
import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import { findEnterprise } from '../../platform/identity';
import { findValidLicense } from '../../platform/licenses';
import { registryShape, type RegistryShape } from './model';
import { recordObservations, type CheckedObservation } from './observe';
import { citizenAccountIds, enterpriseFacts, enterpriseIds, personFacts } from './identity-reads';
import { tables, type RegistryLicenseMappingEntry } from './tables';
import { checkSubjectKey } from './subject-keys';
import { typedValue } from './values';

// The platform's own sources: its accounts (统一身份认证: what people and enterprises registered with) and licences
// (each licence type mapped to a registry states values as its issuing department, e.g. 营业执照 by 市场监管局).
// Kept current by the events identity and licences already emit; a full sync re-reads everything page by page.

export const IDENTITY_SOURCE = 'identity';

type Observation = { source: string; row: CheckedObservation };

/** Only fields the registry has (and not its key), typed; blanks are left out (an account not stating a thing). */
function observation(shape: RegistryShape, keyValue: string, values: Record<string, RegistryValue | undefined>, observedAt: Date): CheckedObservation | undefined {
  const key = checkSubjectKey(shape.registry, keyValue);
  if (!key.ok) return undefined;
  const kept = new Map<string, RegistryValue>();
  for (const [fieldKey, raw] of Object.entries(values)) {
    const f = shape.field(fieldKey);
    if (!f || f.isKey || raw === undefined || raw === null || raw === '') continue;
    const typed = typedValue(f.type, raw);
    if (typed.ok && typed.value !== null) kept.set(fieldKey, typed.value);
  }
  return kept.size > 0 ? { keyValue: key.value, values: kept, observedAt } : undefined;
}

async function recordAll(tx: Queryable, keys: Keys, shape: RegistryShape, observations: readonly Observation[]): Promise<number> {
  const bySource = new Map<string, CheckedObservation[]>();
  for (const o of observations) bySource.set(o.source, [...(bySource.get(o.source) ?? []), o.row]);
  let recorded = 0;
  for (const [source, rows] of bySource) recorded += (await recordObservations(tx, keys, shape, { source, recordedBy: null, rows })).recorded;
  return recorded;
}

async function licenseSources(db: Queryable, registry: RegistryKind): Promise<{ typeCode: string; mapping: RegistryLicenseMappingEntry[] }[]> {
  const rows = await tables(db).selectFrom('registry_license_sources').select(['type_code', 'mapping']).where('registry', '=', registry).orderBy('type_code').execute();
  return rows.map((r) => ({ typeCode: r.type_code, mapping: r.mapping }));
}

type LicenseFacts = { issuer_department_id: string; holder_name: string; fields: Record<string, string>; valid_from: string; issued_at: Date };

function licenseValues(mapping: readonly RegistryLicenseMappingEntry[], license: LicenseFacts, status: string): Record<string, RegistryValue> {
  const values: Record<string, RegistryValue> = {};
  for (const { from, to } of mapping) {
    if (from === 'holderName') values[to] = license.holder_name;
    else if (from === 'status') values[to] = status;
    else if (from === 'validFrom') values[to] = license.valid_from;
    else if (from.startsWith('fields.')) values[to] = license.fields[from.slice('fields.'.length)] ?? null;
  }
  return values;
}

async function personObservations(tx: Queryable, keys: Keys, shape: RegistryShape, accountId: string, now: Date): Promise<Observation[]> {
  const facts = await personFacts(tx, keys, accountId);
  if (!facts) return [];
  const out: Observation[] = [];
  const own = observation(shape, facts.idNumber, { name: facts.name, mobile: facts.mobile }, now);
  if (own) out.push({ source: IDENTITY_SOURCE, row: own });
  for (const { typeCode, mapping } of await licenseSources(tx, 'person')) {
    const license = await findValidLicense(tx, { type: 'person', accountId }, typeCode);
    const row = license ? observation(shape, facts.idNumber, licenseValues(mapping, license, registryLicenseStatusValues.valid), license.issued_at) : undefined;
    if (license && row) out.push({ source: license.issuer_department_id, row });
  }
  return out;
}

async function entityObservations(tx: Queryable, keys: Keys, shape: RegistryShape, enterpriseId: string, now: Date): Promise<Observation[]> {
  const facts = await enterpriseFacts(tx, keys, enterpriseId);
  if (!facts) return [];
  const out: Observation[] = [];
  const own = observation(shape, facts.creditCode, { name: facts.name, legalRepName: facts.legalRepName, legalRepIdNumber: facts.legalRepIdNumber, regionCode: facts.regionCode, address: facts.address }, now);
  if (own) out.push({ source: IDENTITY_SOURCE, row: own });
  for (const { typeCode, mapping } of await licenseSources(tx, 'entity')) {
    const license = await findValidLicense(tx, { type: 'enterprise', enterpriseId }, typeCode);
    const row = license ? observation(shape, facts.creditCode, licenseValues(mapping, license, registryLicenseStatusValues.valid), license.issued_at) : undefined;
    if (license && row) out.push({ source: license.issuer_department_id, row });
  }
  return out;
}

/** identity.citizen-registered: the new person's registered name and mobile number, as 统一身份认证 states them. */
export async function onCitizenRegistered(tx: Queryable, keys: Keys, payload: Record<string, unknown>): Promise<void> {
  const accountId = typeof payload.accountId === 'string' ? payload.accountId : undefined;
  if (!accountId) return;
  const shape = await registryShape(tx, 'person');
  await recordAll(tx, keys, shape, await personObservations(tx, keys, shape, accountId, new Date()));
}

/** identity.enterprise-registered: the enterprise's name and legal representative as it registered them. */
export async function onEnterpriseRegistered(tx: Queryable, keys: Keys, payload: Record<string, unknown>): Promise<void> {
  const enterpriseId = typeof payload.enterpriseId === 'string' ? payload.enterpriseId : undefined;
  if (!enterpriseId) return;
  const shape = await registryShape(tx, 'entity');
  await recordAll(tx, keys, shape, await entityObservations(tx, keys, shape, enterpriseId, new Date()));
}

async function mappingFor(db: Queryable, typeCode: unknown): Promise<{ registry: RegistryKind; mapping: RegistryLicenseMappingEntry[] } | undefined> {
  if (typeof typeCode !== 'string') return undefined;
  return tables(db).selectFrom('registry_license_sources').select(['registry', 'mapping']).where('type_code', '=', typeCode).executeTakeFirst();
}

/**
 * license.issued / license.revoked: a licence of a mapped type states (or, revoked, ends) its holder's values as its
 * issuing department. Holders without a platform account are not reached (identity and licences export no look-up
 * of a licence by id).
 */
export async function onLicenseChanged(tx: Queryable, keys: Keys, payload: Record<string, unknown>, meta: { topic: string }): Promise<void> {
  const source = await mappingFor(tx, payload.typeCode);
  if (!source) return;
  const shape = await registryShape(tx, source.registry);
  const typeCode = String(payload.typeCode);
  const now = new Date();
  if (meta.topic === 'license.issued') {
    const observations =
      source.registry === 'entity' && typeof payload.holderEnterpriseId === 'string'
        ? (await entityObservations(tx, keys, shape, payload.holderEnterpriseId, now)).filter((o) => o.source !== IDENTITY_SOURCE)
        : source.registry === 'person' && typeof payload.holderAccountId === 'string'
          ? (await personObservations(tx, keys, shape, payload.holderAccountId, now)).filter((o) => o.source !== IDENTITY_SOURCE)
          : [];
    await recordAll(tx, keys, shape, observations);
    return;
  }
  // Revoked: the holder's status ends, unless another licence of the type is still valid.
  const statusTo = source.mapping.find((m) => m.from === 'status')?.to;
  const issuer = typeof payload.issuerDepartmentId === 'string' ? payload.issuerDepartmentId : undefined;
  if (!statusTo || !issuer || source.registry !== 'entity' || typeof payload.holderEnterpriseId !== 'string') return;
  const enterprise = await findEnterprise(tx, { id: payload.holderEnterpriseId });
  if (!enterprise || (await findValidLicense(tx, { type: 'enterprise', enterpriseId: enterprise.id }, typeCode))) return;
  const row = observation(shape, enterprise.creditCode, { [statusTo]: registryLicenseStatusValues.revoked }, now);
  if (row) await recordAll(tx, keys, shape, [{ source: issuer, row }]);
}

export const SYNC_JOB = 'registries.sync-platform';
const SYNC_PAGE = 200;

/** One page of a full sync from the platform's accounts and licences; returns the last id, or null at the end. */
export async function syncPlatformPage(tx: Queryable, keys: Keys, registry: RegistryKind, after: string | null): Promise<{ next: string | null; recorded: number }> {
  const shape = await registryShape(tx, registry);
  const now = new Date();
  const ids = registry === 'person' ? await citizenAccountIds(tx, after, SYNC_PAGE) : await enterpriseIds(tx, after, SYNC_PAGE);
  const observations: Observation[] = [];
  for (const id of ids) observations.push(...(registry === 'person' ? await personObservations(tx, keys, shape, id, now) : await entityObservations(tx, keys, shape, id, now)));
  const recorded = await recordAll(tx, keys, shape, observations);
  return { next: ids.length === SYNC_PAGE ? (ids.at(-1) ?? null) : null, recorded };
}

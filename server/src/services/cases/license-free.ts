import type { ItemVersionView, LicenseFreeRateQuery, LicenseFreeRateView, LicenseMaterialsView, WindowLicenseMaterialsInput } from '@zhengtong/contracts';
import { sql } from 'kysely';
import { audit, inTransaction } from '../../kernel/audit';
import { regionContains, regionPrefix, requirePermission, type Actor } from '../../kernel/authz';
import { toLocalDate } from '../../kernel/calendar';
import { AppError, invalid } from '../../kernel/errors';
import { lookupIndex } from '../../platform/identity';
import { versionForFiling } from './applications';
import type { CasesContext } from './context';
import { fetchableMaterials, holderOf } from './license-materials';
import type { LicenseHolderRef } from '../../platform/licenses';

// 免证办 seen from outside the submission: which materials an applicant will not have to hand in (a preview for the
// application form and the window), and the 免证办率 of a region.

function preview(version: ItemVersionView, found: Awaited<ReturnType<typeof fetchableMaterials>>): LicenseMaterialsView {
  return { items: version.materials.filter((m) => found.has(m.key)).map((m) => ({ materialKey: m.key, materialName: m.name, license: found.get(m.key) as NonNullable<ReturnType<typeof found.get>> })) };
}

/** The signed-in applicant's own licences that will satisfy materials of this version (nothing recorded yet). */
export async function previewForApplicant(ctx: CasesContext, { actor, itemVersionId }: { actor: Actor; itemVersionId: string }): Promise<LicenseMaterialsView> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  if (actor.accountType === 'staff') throw new AppError('FORBIDDEN', { detail: 'cases.notFilledByYou' });
  const isEnterprise = actor.accountType === 'enterprise' || actor.enterpriseId !== null;
  const version = await versionForFiling(ctx.kernel.db, itemVersionId, 'online', isEnterprise ? 'enterprise' : 'person');
  const holder: LicenseHolderRef = isEnterprise ? { type: 'enterprise', enterpriseId: actor.enterpriseId } : { type: 'person', accountId: actor.accountId };
  return preview(version, await fetchableMaterials(ctx.kernel.db, version, null, holder));
}

/** For the comprehensive window: a walk-in's licences that will satisfy materials (the look-up is audited). */
export async function previewForWindow(ctx: CasesContext, { actor, input }: { actor: Actor; input: WindowLicenseMaterialsInput }): Promise<LicenseMaterialsView> {
  requirePermission(actor, 'case.window');
  if (actor.kind !== 'account' || !actor.regionCode) throw new AppError('FORBIDDEN');
  const version = await versionForFiling(ctx.kernel.db, input.itemVersionId, 'window', input.applicant.type);
  const itemRegion = version.implementation.region.code;
  if (!regionContains(actor.regionCode, itemRegion) && !regionContains(itemRegion, actor.regionCode)) throw new AppError('OUT_OF_SCOPE', { detail: 'cases.windowScope' });
  const applicant = input.applicant;
  const holder = holderOf(
    applicant.type === 'person'
      ? { applicant_type: 'person', applicant_id_number_idx: lookupIndex(ctx.kernel.keys, 'idNumber', applicant.idNumber) }
      : { applicant_type: 'enterprise', applicant_credit_code: applicant.creditCode },
  );
  const found = await fetchableMaterials(ctx.kernel.db, version, null, holder);
  await inTransaction(ctx.kernel.db, (tx) =>
    audit(tx, actor, { action: 'case.licensePreview', objectType: 'service_item_version', objectId: version.id, detail: { applicantType: applicant.type, purpose: '综合窗口受理', found: [...found.keys()] } }),
  );
  return preview(version, found);
}

const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;
/** Midnight in Beijing (UTC+8, no daylight saving) of a date, plus `days`. */
const beijingMidnight = (date: string, days = 0) => new Date(Date.parse(`${date}T00:00:00+08:00`) + days * DAY_MS);

/** 免证办率 of the reader's region: required materials the system fetched ÷ required materials, per item and overall. */
export async function licenseFreeRate(ctx: CasesContext, { actor, query }: { actor: Actor; query: LicenseFreeRateQuery }): Promise<LicenseFreeRateView> {
  requirePermission(actor, 'case.oversee');
  if (actor.kind !== 'account' || !actor.regionCode) throw new AppError('FORBIDDEN');
  const to = query.to ?? toLocalDate(new Date());
  const from = query.from ?? toLocalDate(beijingMidnight(to, -(DEFAULT_DAYS - 1)));
  if (from > to) throw invalid([{ field: 'from', code: 'cases.rangeReversed' }]);
  const rows = await ctx.kernel.db
    .selectFrom('cases')
    .select(['service_item_id', sql<string>`min(item_name)`.as('item_name')])
    .select((eb) => [eb.fn.countAll<string>().as('cases'), eb.fn.sum<string>('materials_required').as('required'), eb.fn.sum<string>('materials_fetched').as('fetched')])
    .where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
    .where('submitted_at', '>=', beijingMidnight(from))
    .where('submitted_at', '<', beijingMidnight(to, 1))
    .where('materials_required', 'is not', null)
    .groupBy('service_item_id')
    .execute();
  const counts = (cases: number, required: number, fetched: number) => ({ cases, required, fetched, rate: required > 0 ? Math.round((fetched / required) * 10_000) / 10_000 : 0 });
  const items = rows
    .map((r) => ({ serviceItemId: r.service_item_id, itemName: r.item_name, ...counts(Number(r.cases), Number(r.required ?? 0), Number(r.fetched ?? 0)) }))
    .sort((a, b) => b.rate - a.rate || b.cases - a.cases || a.itemName.localeCompare(b.itemName, 'zh-CN'));
  const total = items.reduce((sum, i) => ({ cases: sum.cases + i.cases, required: sum.required + i.required, fetched: sum.fetched + i.fetched }), { cases: 0, required: 0, fetched: 0 });
  return { from, to, overall: counts(total.cases, total.required, total.fetched), items };
}

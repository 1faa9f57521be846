import type { MaskingKind, MyRegistryView, RaiseRegistryDisputeInput, RegistryDisputeView, RegistryKind, RegistryValue } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Queryable } from '../../kernel/db';
import type { Keys } from '../../kernel/keys';
import type { AccountActor, Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError } from '../../kernel/errors';
import { findEnterprise, reveal, sealedIdNumber } from '../../platform/identity';
import { isOverdue } from './dispute-workflow';
import { disputeViewOf, raiseDispute, type Raiser } from './disputes';
import { maskingOf, registryShape } from './model';
import { shown } from './mask';
import { IDENTITY_SOURCE } from './platform-sources';
import { byField, resolveField } from './resolve';
import { loadHolders, SourceNames } from './sources';
import { readSubjectValues } from './store';
import { findSubjectByKey } from './subject-keys';
import { openCounts } from './subject-views';
import { tables, type RegistryRow } from './tables';
import { sameValue } from './values';

// 我的基础信息: a citizen sees the person registry's record about themselves, an enterprise (or its 经办人 acting for
// it) the entity registry's, and may dispute a value (有异议). Values are masked like everywhere, except those the
// person or enterprise told the platform themselves (统一身份认证: their name, their mobile number); `reveal` shows the
// rest whole, audited, as the data subject's own right of access.

const ALWAYS_MASKED: ReadonlySet<MaskingKind> = new Set(['idNumber', 'bankCard', 'hidden']);

type Own = { registry: RegistryKind; keyValue: string; subject: RegistryRow<'registry_subjects'> | undefined; raiser: Raiser };

async function ownSubject(db: Queryable, keys: Keys, actor: Actor): Promise<Own> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  if (actor.accountType === 'staff') throw new AppError('FORBIDDEN');
  const account: AccountActor = actor;
  if (account.enterpriseId) {
    const enterprise = await findEnterprise(db, { id: account.enterpriseId });
    if (!enterprise) throw new AppError('NOT_FOUND');
    return {
      registry: 'entity',
      keyValue: enterprise.creditCode,
      subject: await findSubjectByKey(db, 'entity', enterprise.creditCode),
      raiser: { kind: 'enterprise', accountId: account.accountId, name: account.displayName, departmentId: null, enterpriseId: enterprise.id },
    };
  }
  const sealed = await sealedIdNumber(db, account.accountId);
  if (!sealed) throw new AppError('NOT_FOUND');
  return {
    registry: 'person',
    keyValue: reveal(keys, 'idNumber', sealed.enc),
    subject: await findSubjectByKey(db, 'person', sealed.idx),
    raiser: { kind: 'citizen', accountId: account.accountId, name: account.displayName, departmentId: null, enterpriseId: null },
  };
}

export async function readMyRegistry(kernel: Kernel, { actor, reveal: isRevealed }: { actor: Actor; reveal: boolean }): Promise<MyRegistryView> {
  const own = await ownSubject(kernel.db, kernel.keys, actor);
  const shape = await registryShape(kernel.db, own.registry, actor.context.locale);
  const holders = await loadHolders(kernel.db);
  const names = new SourceNames(kernel.db, actor.context.locale, holders);
  const keyField = shape.field(shape.keyField);
  const keyText = String(shown(keyField?.masking ?? 'idNumber', own.keyValue, isRevealed));
  const base = { registry: own.registry, isCatalogued: shape.resource !== undefined, key: keyText, isRevealed };
  if (!own.subject) return { ...base, isFound: false, fields: [], disputes: [] };
  const subject = own.subject;
  const grouped = byField((await readSubjectValues(kernel.db, kernel.keys, [subject.id])).get(subject.id) ?? []);
  const { disputes: openDisputes } = await openCounts(kernel.db, [subject.id]);
  const now = new Date();
  const fields: MyRegistryView['fields'] = [];
  for (const f of shape.fields) {
    if (f.isKey) continue;
    const values = grouped.get(f.key) ?? [];
    const { authoritative } = resolveField(values, f.authority, holders);
    // Without a catalogue entry there is no authority yet: show what the platform itself was told.
    const counted = authoritative ?? values.find((v) => v.source === IDENTITY_SOURCE);
    const told = values.find((v) => v.source === IDENTITY_SOURCE);
    // Identifiers stay masked on screen like everywhere else, even the ones the person typed in themselves.
    const kind = maskingOf(shape, f.key);
    const isKnown = counted !== undefined && told !== undefined && sameValue(told.value, counted.value) && !ALWAYS_MASKED.has(kind);
    const value: RegistryValue = counted ? counted.value : null;
    const isWhole = isRevealed || isKnown;
    const dispute = openDisputes.get(subject.id)?.find((d) => d.field_key === f.key);
    fields.push({
      key: f.key,
      name: f.name,
      value: shown(kind, value, isWhole),
      isMasked: value !== null && !isWhole && kind !== 'none',
      sourceName: counted ? await names.name(counted.source) : null,
      authorityName: await names.departmentName(f.authority),
      observedAt: counted ? counted.observedAt.toISOString() : null,
      canDispute: shape.resource !== undefined && f.authority !== null && !dispute,
      openDispute: dispute ? { id: dispute.id, number: dispute.number, status: dispute.status, dueAt: dispute.due_at.toISOString(), isOverdue: isOverdue(dispute.status, dispute.due_at, now) } : null,
    });
  }
  const mine = await tables(kernel.db).selectFrom('registry_disputes').selectAll().where('subject_id', '=', subject.id).where('raised_by', '=', actor.kind === 'account' ? actor.accountId : '').orderBy('created_at', 'desc').limit(50).execute();
  const disputes: RegistryDisputeView[] = [];
  for (const d of mine) disputes.push(await disputeViewOf(kernel.db, kernel.keys, actor, d));
  await inTransaction(kernel.db, (tx) => audit(tx, actor, { action: isRevealed ? 'registry.self-reveal' : 'registry.self-read', objectType: 'registry-subject', objectId: subject.id, detail: { registry: own.registry } }));
  return { ...base, isFound: true, fields, disputes };
}

/** 有异议: the signed-in citizen or enterprise disputes a value of their own record. */
export async function raiseMyDispute(kernel: Kernel, { actor, input }: { actor: Actor; input: RaiseRegistryDisputeInput }): Promise<RegistryDisputeView> {
  const own = await ownSubject(kernel.db, kernel.keys, actor);
  if (!own.subject) throw new AppError('NOT_FOUND', { detail: 'registry.subjectNotFound' });
  const subject = own.subject;
  const id = await inTransaction(kernel.db, (tx) => raiseDispute(tx, kernel.keys, actor, { raiser: own.raiser, subject, input }));
  const row = await tables(kernel.db).selectFrom('registry_disputes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return disputeViewOf(kernel.db, kernel.keys, actor, row);
}

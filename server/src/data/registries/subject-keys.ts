import { sql } from 'kysely';
import { parseCreditCode, parseIdNumber, type RegistryKind } from '@zhengtong/contracts';
import type { Keys } from '../../kernel/keys';
import type { Queryable } from '../../kernel/db';
import { blindIndex, sm4Decrypt, sm4Encrypt } from '../../kernel/crypto';
import { newId } from '../../kernel/ids';
import { tables, type RegistryRow } from './tables';

// Subjects are named by their 身份证号 (GB 11643) or 统一社会信用代码 (GB 32100). A person's number is kept only as its
// blind index (the same index the catalogue's records and identity's persons use, so the three find each other) and
// sealed for display; an entity's credit code is public and kept as it is.

export type KeyCheck = { ok: true; value: string } | { ok: false; code: string };

/** The normalised key (upper case, checked), or the message key saying what is wrong with it. */
export function checkSubjectKey(registry: RegistryKind, raw: string): KeyCheck {
  const text = raw.normalize('NFKC').replace(/\s+/g, '');
  switch (registry) {
    case 'person': {
      const parsed = parseIdNumber(text);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, code: `idNumber.${parsed.reason}` };
    }
    case 'entity': {
      const parsed = parseCreditCode(text);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, code: `creditCode.${parsed.reason}` };
    }
  }
}

/** The stored subject_key for a normalised key value. */
export function subjectKeyOf(keys: Keys, registry: RegistryKind, value: string): string {
  return registry === 'person' ? blindIndex(keys.blindIndex, 'idNumber', value) : value;
}

const KEY_CONTEXT = 'registry-subject-key';

/** The subject's key value in full (decrypted for persons): callers mask it for display. */
export function keyValueOf(keys: Keys, row: Pick<RegistryRow<'registry_subjects'>, 'registry' | 'subject_key' | 'key_sealed'>): string {
  return row.registry === 'person' && row.key_sealed ? sm4Decrypt(keys.field, row.key_sealed, KEY_CONTEXT) : row.subject_key;
}

/** The subject's id, creating the subject on its first value. */
export async function ensureSubject(tx: Queryable, keys: Keys, registry: RegistryKind, keyValue: string): Promise<string> {
  const subjectKey = subjectKeyOf(keys, registry, keyValue);
  const db = tables(tx);
  const existing = await db.selectFrom('registry_subjects').select('id').where('registry', '=', registry).where('subject_key', '=', subjectKey).executeTakeFirst();
  if (existing) return existing.id;
  // Two sources reporting the same new subject at once: the loser's insert does nothing and it reads the winner's id.
  const inserted = await db
    .insertInto('registry_subjects')
    .values({ id: newId(), registry, subject_key: subjectKey, key_sealed: registry === 'person' ? sm4Encrypt(keys.field, keyValue, KEY_CONTEXT) : null, changed_at: sql`now()` })
    .onConflict((oc) => oc.columns(['registry', 'subject_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const winner = await db.selectFrom('registry_subjects').select('id').where('registry', '=', registry).where('subject_key', '=', subjectKey).executeTakeFirstOrThrow();
  return winner.id;
}

export async function findSubject(db: Queryable, id: string): Promise<RegistryRow<'registry_subjects'> | undefined> {
  return tables(db).selectFrom('registry_subjects').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSubjectByKey(db: Queryable, registry: RegistryKind, subjectKey: string): Promise<RegistryRow<'registry_subjects'> | undefined> {
  return tables(db).selectFrom('registry_subjects').selectAll().where('registry', '=', registry).where('subject_key', '=', subjectKey).executeTakeFirst();
}

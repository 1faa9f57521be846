import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB, Queryable } from '../db';
import { generateSm2KeyPair, sm2PublicKeyToPem, sm2Sign, sm2Verify } from '../crypto';
import { sharedSecret } from '../secrets';

/**
 * Checkpoints close what the hash chain alone cannot prove: SM3 is unkeyed, so someone who can write the database
 * could rewrite a record and every record after it, or drop the newest records. From time to time the newest id
 * and hash are signed (SM2, the platform's checkpoint key) and appended to a file OUTSIDE the database — put that
 * directory on separate, append-only storage (WORM, another host). Verification then checks every checkpoint
 * still matches its record.
 */
export const CHECKPOINT_FILE = 'checkpoints.jsonl';
const PUBLIC_KEY_FILE = 'checkpoint-public-key.pem';
const KEY_SECRET = 'audit.checkpoint-key';

export type Checkpoint = { v: 1; at: string; id: string; hash: string; publicKey: string; signature: string };

export type CheckpointVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; line: number; auditId: string; reason: 'bad-signature' | 'record-missing' | 'record-changed' | 'unreadable' };

type KeyPair = { privateKeyHex: string; publicKeyHex: string };

async function checkpointKey(db: Queryable, secretsKey: Uint8Array): Promise<KeyPair> {
  const text = await sharedSecret(db, secretsKey, KEY_SECRET, () => JSON.stringify(generateSm2KeyPair()));
  const parsed = JSON.parse(text) as Partial<KeyPair>;
  if (typeof parsed.privateKeyHex !== 'string' || typeof parsed.publicKeyHex !== 'string') throw new Error(`secret ${KEY_SECRET} is malformed`);
  return { privateKeyHex: parsed.privateKeyHex, publicKeyHex: parsed.publicKeyHex };
}

function signedText(c: Pick<Checkpoint, 'at' | 'id' | 'hash'>): string {
  return `zhengtong-audit-checkpoint:v1:${c.id}:${c.hash}:${c.at}`;
}

/** Appends a signed checkpoint of the newest audit record; returns it, or undefined when the trail is empty. */
export async function writeCheckpoint(db: Queryable, options: { secretsKey: Uint8Array; dir: string }): Promise<Checkpoint | undefined> {
  const head = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!head) return undefined;
  const key = await checkpointKey(db, options.secretsKey);
  const at = new Date().toISOString();
  const checkpoint: Checkpoint = { v: 1, at, id: head.id, hash: head.hash, publicKey: key.publicKeyHex, signature: '' };
  checkpoint.signature = sm2Sign(signedText(checkpoint), key.privateKeyHex);
  fs.mkdirSync(options.dir, { recursive: true });
  const keyFile = path.join(options.dir, PUBLIC_KEY_FILE);
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, sm2PublicKeyToPem(key.publicKeyHex), { flag: 'wx' });
  const fd = fs.openSync(path.join(options.dir, CHECKPOINT_FILE), 'a');
  try {
    fs.writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return checkpoint;
}

/**
 * Checks every checkpoint in the directory against the database. `trustedPublicKey` (hex) pins the key; without it
 * the key recorded in each line is used, which still catches any change made after the checkpoint was written.
 */
export async function verifyCheckpoints(db: Kysely<DB>, options: { dir: string; trustedPublicKey?: string }): Promise<CheckpointVerdict> {
  const file = path.join(options.dir, CHECKPOINT_FILE);
  if (!fs.existsSync(file)) return { ok: true, checked: 0 };
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  let checked = 0;
  for (const [index, line] of lines.entries()) {
    const lineNo = index + 1;
    let c: Checkpoint;
    try {
      c = JSON.parse(line) as Checkpoint;
    } catch {
      return { ok: false, checked, line: lineNo, auditId: '', reason: 'unreadable' };
    }
    const publicKey = options.trustedPublicKey ?? c.publicKey;
    if (!sm2Verify(signedText(c), c.signature, publicKey)) return { ok: false, checked, line: lineNo, auditId: c.id, reason: 'bad-signature' };
    const row = await db.selectFrom('audit_log').select('hash').where('id', '=', c.id).executeTakeFirst();
    if (!row) return { ok: false, checked, line: lineNo, auditId: c.id, reason: 'record-missing' };
    if (row.hash !== c.hash) return { ok: false, checked, line: lineNo, auditId: c.id, reason: 'record-changed' };
    checked += 1;
  }
  return { ok: true, checked };
}

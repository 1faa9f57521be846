import type { Queryable } from './db';
import { CipherError, sm4Decrypt, sm4Encrypt } from './crypto';

/**
 * A secret shared by every server process: the first process to need it creates it, later (and racing) ones
 * read the same row. Stored SM4-encrypted under the secrets key and bound to its name.
 */
export async function sharedSecret(db: Queryable, secretsKey: Uint8Array, name: string, create: () => string): Promise<string> {
  const context = `secrets:${name}`;
  const read = async () => (await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirst())?.value;
  let stored = await read();
  if (stored === undefined) {
    const value = sm4Encrypt(secretsKey, create(), context);
    await db.insertInto('secrets').values({ name, value }).onConflict((oc) => oc.column('name').doNothing()).execute();
    stored = await read();
  }
  if (stored === undefined) throw new Error(`secret ${name} could not be stored`);
  try {
    return sm4Decrypt(secretsKey, stored, context);
  } catch (error) {
    if (error instanceof CipherError) {
      throw new Error(`secret ${name} cannot be decrypted: MASTER_KEY differs from the one that created it`, { cause: error });
    }
    throw error;
  }
}

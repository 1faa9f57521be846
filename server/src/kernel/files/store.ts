import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sm3Hex } from '../crypto';

export type StoredFile = { sm3: string; sizeBytes: number };

/**
 * Where uploaded and generated files live, addressed by the SM3 of their content: the same bytes are stored once,
 * and a reader can prove they are what was filed. The local disk implements it; an S3-compatible object store can
 * (key = the SM3 hex, If-None-Match on put, the digest checked on get).
 */
export interface FileStore {
  readonly kind: string;
  put(bytes: Uint8Array): Promise<StoredFile>;
  /** The bytes stored under `sm3`; undefined when there are none. Throws when the content no longer matches. */
  get(sm3: string): Promise<Buffer | undefined>;
  has(sm3: string): Promise<boolean>;
}

const SM3_HEX = /^[0-9a-f]{64}$/;

export class FileIntegrityError extends Error {
  constructor(readonly sm3: string) {
    super(`stored file ${sm3} does not match its SM3 digest`);
    this.name = 'FileIntegrityError';
  }
}

/** Files under <root>/ab/cd/<sm3>; written to a temporary name and renamed, so a reader never sees half a file. */
export class LocalFileStore implements FileStore {
  readonly kind = 'local';

  constructor(private readonly root: string) {}

  private pathOf(sm3: string): string {
    if (!SM3_HEX.test(sm3)) throw new RangeError(`not an SM3 hex digest: ${sm3}`);
    return path.join(this.root, sm3.slice(0, 2), sm3.slice(2, 4), sm3);
  }

  async put(bytes: Uint8Array): Promise<StoredFile> {
    const sm3 = sm3Hex(bytes);
    const target = this.pathOf(sm3);
    const stored = { sm3, sizeBytes: bytes.byteLength };
    if (await this.has(sm3)) return stored;
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
    await fs.rename(temporary, target);
    return stored;
  }

  async get(sm3: string): Promise<Buffer | undefined> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.pathOf(sm3));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    if (sm3Hex(bytes) !== sm3) throw new FileIntegrityError(sm3);
    return bytes;
  }

  async has(sm3: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sm3));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'ENOENT';
}

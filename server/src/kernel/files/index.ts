import path from 'node:path';
import type { Config } from '../config';
import { LocalFileStore, type FileStore } from './store';

export { checkFile, formatMimeTypes, sniffFormat, type FileCheck, type SniffedFormat } from './sniff';
export { FileIntegrityError, LocalFileStore, type FileStore, type StoredFile } from './store';

const stores = new Map<string, FileStore>();

/**
 * The file store for this configuration: the local disk under DATA_DIR/files. An S3-compatible store would be chosen
 * here from its own settings; callers only see FileStore.
 */
export function fileStoreFor(config: Pick<Config, 'dataDir'>): FileStore {
  const root = path.join(config.dataDir, 'files');
  let store = stores.get(root);
  if (!store) {
    store = new LocalFileStore(root);
    stores.set(root, store);
  }
  return store;
}

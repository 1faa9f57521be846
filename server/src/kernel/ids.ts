import { v7 } from 'uuid';

/** UUIDv7 (RFC 9562): time-ordered, so new rows append to B-tree indexes instead of scattering. */
export function newId(): string {
  return v7();
}

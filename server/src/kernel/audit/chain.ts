import { sm3Hex } from '../crypto';
import { canonicalJson } from './canonical';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers, in a fixed order. */
export type ChainedFields = {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  ip: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
};

export function chainHash(prevHash: string, f: ChainedFields): string {
  const body = canonicalJson([
    f.id,
    f.at.toISOString(),
    f.actorId,
    f.actorName,
    f.actorRole,
    f.action,
    f.objectType,
    f.objectId,
    f.result,
    f.ip,
    f.requestId,
    f.detail,
  ]);
  return sm3Hex(`${prevHash}\n${body}`);
}

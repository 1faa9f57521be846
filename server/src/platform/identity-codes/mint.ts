import crypto from 'node:crypto';
import {
  identityCodeAttributes,
  identityCodePresetSpecs,
  IDENTITY_CODE_VERSION,
  type IdentityCodeAttribute,
  type IdentityCodeView,
  type MintIdentityCodeInput,
} from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { AppError, invalid } from '../../kernel/errors';
import { ensureAlias, resetAlias } from './aliases';
import { signCode } from './codes';
import { holderLabel, holderOf, readHolderFacts } from './holders';
import { activeKey } from './keys';
import { readCodeSettings } from './settings';

// The holder's side: a fresh code on every request (the page asks again before the last one expires). Minting stores
// nothing but the holder's alias the first time; the nonce is only remembered when a code is scanned.

const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const isoOf = (seconds: number) => new Date(seconds * 1000).toISOString();

export async function mintIdentityCode(kernel: Kernel, { actor, input }: { actor: Actor; input: MintIdentityCodeInput }): Promise<IdentityCodeView> {
  const holder = holderOf(actor);
  const preset = identityCodePresetSpecs[input.preset];
  if (preset.kind !== holder.kind) throw invalid([{ field: 'preset', code: 'identityCode.presetNotForHolder' }]);
  const facts = await readHolderFacts(kernel, holder);
  if (!facts) throw new AppError('NOT_FOUND');
  const alias = await ensureAlias(kernel, actor, holder);
  const key = await activeKey(kernel);
  const { ttlSeconds } = await readCodeSettings(kernel);
  const consented: readonly IdentityCodeAttribute[] = preset.attributes;
  const attributes = identityCodeAttributes.filter((a) => consented.includes(a));
  const issuedAt = unixSeconds(new Date());
  const expiresAt = issuedAt + ttlSeconds;
  const code = signCode(kernel, key, {
    version: IDENTITY_CODE_VERSION,
    kind: holder.kind,
    attributes,
    keyId: key.key_id,
    issuedAt,
    expiresAt,
    alias: alias.alias,
    nonce: crypto.randomBytes(8).toString('hex'),
  });
  return { code, kind: holder.kind, preset: input.preset, attributes, holderLabel: holderLabel(facts), keyId: key.key_id, issuedAt: isoOf(issuedAt), expiresAt: isoOf(expiresAt), ttlSeconds };
}

/** 重置: every code shown so far stops scanning; the next code carries a new alias. */
export async function resetIdentityCode(kernel: Kernel, { actor }: { actor: Actor }): Promise<{ resetAt: string }> {
  const { resetAt } = await resetAlias(kernel, actor, holderOf(actor));
  return { resetAt: resetAt.toISOString() };
}

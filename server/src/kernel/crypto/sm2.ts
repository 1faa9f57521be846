import { sm2 } from 'sm-crypto-v2';

/** GM/T 0009: the default signer ID used in Z when the parties agreed on none. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

// GB/T 32918.5 curve order n.
const CURVE_ORDER = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const PRIVATE_KEY_PATTERN = /^[0-9a-f]{64}$/i;
const PUBLIC_KEY_PATTERN = /^04[0-9a-f]{128}$/i;
// RFC 5480 id-ecPublicKey with the GM/T 0006 SM2 curve OID: the form OpenSSL 3 reads as an SM2 key.
const ID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const SM2_CURVE_OID = '1.2.156.10197.1.301';

export interface Sm2KeyPair {
  privateKeyHex: string;
  /** Uncompressed point: '04' + X + Y, 130 hex characters. */
  publicKeyHex: string;
}

export function generateSm2KeyPair(): Sm2KeyPair {
  // Never pass a seed: sm-crypto-v2 1.15 reduces any seed mod 1 and returns private key 1.
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKeyHex: privateKey, publicKeyHex: publicKey };
}

/** SM2 signature (GB/T 32918.2) over SM3(Z || message) with the default user ID, DER-encoded (GM/T 0009). */
export function sm2Sign(message: string | Uint8Array, privateKeyHex: string): string {
  assertPrivateKey(privateKeyHex);
  const publicKey = sm2.getPublicKeyFromPrivateKey(privateKeyHex);
  const raw = sm2.doSignature(message, privateKeyHex, { hash: true, publicKey, userId: SM2_DEFAULT_USER_ID });
  return toHex(derSequence([derInteger(BigInt(`0x${raw.slice(0, 64)}`)), derInteger(BigInt(`0x${raw.slice(64)}`))]));
}

/** Returns false, never throws, for any malformed signature or key. */
export function sm2Verify(message: string | Uint8Array, signatureDerHex: string, publicKeyHex: string): boolean {
  const signature = parseDerSignature(signatureDerHex);
  if (signature === undefined || !PUBLIC_KEY_PATTERN.test(publicKeyHex)) return false;
  const rawSignature = signature.r.toString(16).padStart(64, '0') + signature.s.toString(16).padStart(64, '0');
  try {
    return (
      sm2.verifyPublicKey(publicKeyHex) &&
      sm2.doVerifySignature(message, rawSignature, publicKeyHex, { hash: true, userId: SM2_DEFAULT_USER_ID })
    );
  } catch {
    return false;
  }
}

/** SubjectPublicKeyInfo (RFC 5280) PEM. */
export function sm2PublicKeyToPem(publicKeyHex: string): string {
  if (!PUBLIC_KEY_PATTERN.test(publicKeyHex) || !isOnCurve(publicKeyHex)) {
    throw new RangeError('SM2 public key must be an uncompressed point on the curve (04 + X + Y)');
  }
  return toPem('PUBLIC KEY', subjectPublicKeyInfo(publicKeyHex));
}

/** PKCS#8 (RFC 5208) PEM wrapping an RFC 5915 ECPrivateKey that also carries the public key. */
export function sm2PrivateKeyToPem(privateKeyHex: string, publicKeyHex: string): string {
  assertPrivateKey(privateKeyHex);
  if (sm2.getPublicKeyFromPrivateKey(privateKeyHex).toLowerCase() !== publicKeyHex.toLowerCase()) {
    throw new RangeError('SM2 public key does not belong to the private key');
  }
  const ecPrivateKey = derSequence([
    derInteger(1n),
    tlv(0x04, fromHex(privateKeyHex)),
    tlv(0xa1, derBitString(fromHex(publicKeyHex))),
  ]);
  return toPem('PRIVATE KEY', derSequence([derInteger(0n), algorithmIdentifier(), tlv(0x04, ecPrivateKey)]));
}

function assertPrivateKey(privateKeyHex: string): void {
  // GB/T 32918.1: d must lie in [1, n − 2].
  const valid = PRIVATE_KEY_PATTERN.test(privateKeyHex) && inRange(BigInt(`0x${privateKeyHex}`), CURVE_ORDER - 2n);
  if (!valid) throw new RangeError('SM2 private key must be 64 hex characters in [1, n − 2]');
}

function inRange(value: bigint, max: bigint): boolean {
  return value >= 1n && value <= max;
}

function isOnCurve(publicKeyHex: string): boolean {
  try {
    return sm2.verifyPublicKey(publicKeyHex);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- minimal DER (X.690)

function subjectPublicKeyInfo(publicKeyHex: string): Uint8Array {
  return derSequence([algorithmIdentifier(), derBitString(fromHex(publicKeyHex))]);
}

function algorithmIdentifier(): Uint8Array {
  return derSequence([derOid(ID_EC_PUBLIC_KEY), derOid(SM2_CURVE_OID)]);
}

function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concat([Uint8Array.of(tag), derLength(content.length), content]);
}

function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function derSequence(items: Uint8Array[]): Uint8Array {
  return tlv(0x30, concat(items));
}

function derInteger(value: bigint): Uint8Array {
  const hex = value.toString(16);
  const bytes = fromHex(hex.length % 2 === 0 ? hex : `0${hex}`);
  // A set top bit would read as negative, so positive integers get a leading zero byte.
  const first = bytes[0] ?? 0;
  return tlv(0x02, first >= 0x80 ? concat([Uint8Array.of(0), bytes]) : bytes);
}

function derBitString(bytes: Uint8Array): Uint8Array {
  return tlv(0x03, concat([Uint8Array.of(0), bytes]));
}

function derOid(dotted: string): Uint8Array {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const body: number[] = [first * 40 + second];
  for (const arc of rest) {
    const base128: number[] = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) base128.unshift((value & 0x7f) | 0x80);
    body.push(...base128);
  }
  return tlv(0x06, Uint8Array.from(body));
}

/**
 * Strict DER for SEQUENCE { r INTEGER, s INTEGER }: sm-crypto-v2's own decoder ignores tags and trailing bytes,
 * so parsing here keeps one signature to one encoding and enforces 1 ≤ r, s ≤ n − 1 (GB/T 32918.2).
 */
function parseDerSignature(hex: string): { r: bigint; s: bigint } | undefined {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return undefined;
  const bytes = fromHex(hex);
  // Two 33-byte integers fit in short-form lengths, so a long form here is never minimal DER.
  if (bytes[0] !== 0x30 || bytes[1] !== bytes.length - 2) return undefined;
  const r = readInteger(bytes, 2);
  const s = r && readInteger(bytes, r.next);
  if (!r || !s || s.next !== bytes.length) return undefined;
  if (!inRange(r.value, CURVE_ORDER - 1n) || !inRange(s.value, CURVE_ORDER - 1n)) return undefined;
  return { r: r.value, s: s.value };
}

function readInteger(bytes: Uint8Array, offset: number): { value: bigint; next: number } | undefined {
  const length = bytes[offset + 1] ?? 0;
  const content = bytes.subarray(offset + 2, offset + 2 + length);
  const [first = 0, second = 0] = content;
  const negative = first >= 0x80;
  const nonMinimal = content.length > 1 && first === 0 && second < 0x80;
  if (bytes[offset] !== 0x02 || length === 0 || length >= 0x80 || content.length !== length) return undefined;
  if (negative || nonMinimal) return undefined;
  return { value: BigInt(`0x${toHex(content)}`), next: offset + 2 + length };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function toPem(label: string, der: Uint8Array): string {
  const base64 = btoa(String.fromCharCode(...der));
  return `-----BEGIN ${label}-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;
}

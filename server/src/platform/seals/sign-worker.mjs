// A signing thread for bulk signing (seals/sign-pool.ts). Plain JavaScript so it starts in any runtime (tsx, vitest,
// compiled) without a TypeScript loader. It holds one seal's private key for the life of the pool and answers
// batches of messages with GB/T 32918.2 SM2 signatures over SM3(Z ‖ message), Z with the default user ID — the same
// scheme as kernel/crypto's sm2Sign, DER-encoded the same way, but with the public key given once instead of derived
// from the private key for every signature (which doubles the cost).
import { parentPort, workerData } from 'node:worker_threads';
import { sm2 } from 'sm-crypto-v2';

const USER_ID = '1234567812345678';
const { privateKeyHex, publicKeyHex } = workerData;

/** DER INTEGER of a positive number given as hex: minimal length, a leading 00 when the top bit is set. */
function derInteger(hex) {
  let body = hex.replace(/^(00)+/, '') || '00';
  if (parseInt(body.slice(0, 2), 16) >= 0x80) body = `00${body}`;
  return `02${(body.length / 2).toString(16).padStart(2, '0')}${body}`;
}

function sign(message) {
  const raw = sm2.doSignature(message, privateKeyHex, { hash: true, publicKey: publicKeyHex, userId: USER_ID });
  const body = derInteger(raw.slice(0, 64)) + derInteger(raw.slice(64));
  // Two integers of at most 33 bytes: the sequence is under 128 bytes, so its length is one byte.
  return `30${(body.length / 2).toString(16).padStart(2, '0')}${body}`;
}

parentPort.on('message', ({ id, messages }) => {
  try {
    parentPort.postMessage({ id, signatures: messages.map(sign) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

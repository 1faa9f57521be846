export { hmacSm3, sm3Hex, type BytesLike } from './sm3';
// sm4EncryptBlock (raw ECB) stays internal: it exists only for the GB/T 32907 vector test.
export { CipherError, sm4Decrypt, sm4Encrypt, type CipherErrorCode } from './sm4';
export {
  SM2_DEFAULT_USER_ID,
  generateSm2KeyPair,
  sm2PrivateKeyToPem,
  sm2PublicKeyToPem,
  sm2Sign,
  sm2Verify,
  type Sm2KeyPair,
} from './sm2';
export { blindIndex, blindIndexKinds, type BlindIndexKind } from './blind-index';

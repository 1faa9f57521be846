import { idNumberCheckChar } from '@zhengtong/contracts';

/**
 * A well-formed 居民身份证号 for someone born in 云溪市 (539902) on `birthDate` (YYYY-MM-DD); the sequence's last
 * digit is odd for a man and even for a woman (GB 11643), and the check character is computed, not guessed.
 */
export function makeIdNumber(birthDate: string, sequence: number): string {
  const first17 = `539902${birthDate.replaceAll('-', '')}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

import type { MaskingKind, RegistryValue } from '@zhengtong/contracts';
import { maskAddress, maskBankCard, maskEmail, maskIdNumber, maskName, maskPhone } from '../../kernel/masking';

// Registry values leave masked by the field's masking kind (REFERENCES.md display defaults) unless the reader may and
// asked to see them whole.

const HIDDEN = '******';

export function maskValue(kind: MaskingKind, value: RegistryValue): RegistryValue {
  if (value === null || kind === 'none') return value;
  const text = String(value);
  switch (kind) {
    case 'name':
      return maskName(text);
    case 'idNumber':
      return maskIdNumber(text);
    case 'mobile':
      return maskPhone(text);
    case 'address':
      return maskAddress(text);
    case 'bankCard':
      return maskBankCard(text);
    case 'email':
      return maskEmail(text);
    case 'hidden':
      return HIDDEN;
  }
}

/** Masks unless `isWhole`; `hidden` never leaves whole. */
export function shown(kind: MaskingKind, value: RegistryValue, isWhole: boolean): RegistryValue {
  return isWhole && kind !== 'hidden' ? value : maskValue(kind, value);
}

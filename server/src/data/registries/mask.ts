import type { MaskingKind, RegistryValue } from '@zhengtong/contracts';
import { maskByKind as maskValue } from '../../kernel/masking';

// Registry values leave masked by the field's masking kind (REFERENCES.md display defaults) unless the reader may and
// asked to see them whole.

export { maskByKind as maskValue } from '../../kernel/masking';

/** Masks unless `isWhole`; `hidden` never leaves whole. */
export function shown(kind: MaskingKind, value: RegistryValue, isWhole: boolean): RegistryValue {
  return isWhole && kind !== 'hidden' ? value : maskValue(kind, value);
}

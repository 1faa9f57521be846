import { isPersonalMasking, type DataField, type DataRecordValues, type MaskingKind } from '@zhengtong/contracts';
import { maskByKind as maskValue } from '../../kernel/masking';
import type { GrantField } from './tables';

// Values leave the exchange masked by default (decision 0010): a personal field is masked by its own masking kind
// (REFERENCES.md display defaults) unless the grant names it unmasked, which only a conditional request's provider can
// allow; `hidden` never leaves at all, whatever the grant says.

export { HIDDEN_VALUE, maskByKind as maskValue } from '../../kernel/masking';

/** Whether a granted field leaves masked: every personal field unless unmasked was granted; hidden always. */
export function isMaskedField(masking: MaskingKind, granted: Pick<GrantField, 'unmasked'>): boolean {
  if (masking === 'hidden') return true;
  return isPersonalMasking(masking) && !granted.unmasked;
}

/** One record reduced to the fields handed on, each masked as granted. */
export function grantedValues(record: DataRecordValues, fields: readonly { field: DataField; isMasked: boolean }[]): DataRecordValues {
  const out: DataRecordValues = {};
  for (const { field, isMasked } of fields) {
    const value = record[field.key] ?? null;
    out[field.key] = isMasked ? maskValue(field.masking, value) : value;
  }
  return out;
}

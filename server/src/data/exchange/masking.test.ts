import { describe, expect, it } from 'vitest';
import { HIDDEN_VALUE, isMaskedField, maskValue } from './masking';

describe('exchange masking', () => {
  it('masks each personal kind by the display defaults, and hides hidden values whatever the grant', () => {
    expect(maskValue('name', '𠮷祥')).toBe('𠮷*');
    expect(maskValue('idNumber', '539902198803150118')).toBe('5***************18');
    expect(maskValue('mobile', '13800000001')).toBe('138****0001');
    expect(maskValue('address', '云溪市澜沧区翠湖路 18 号')).toBe('云溪市澜沧区****');
    expect(maskValue('bankCard', '6222020200112233445')).toBe('6222***********3445');
    expect(maskValue('email', 'zhang@example.cn')).toBe('z***@example.cn');
    expect(maskValue('hidden', '任何值')).toBe(HIDDEN_VALUE);
    expect(maskValue('none', 42)).toBe(42);
    expect(maskValue('name', null)).toBeNull();
  });

  it('leaves a field unmasked only when granted so, and never a hidden one', () => {
    expect(isMaskedField('name', { unmasked: false })).toBe(true);
    expect(isMaskedField('name', { unmasked: true })).toBe(false);
    expect(isMaskedField('hidden', { unmasked: true })).toBe(true);
    expect(isMaskedField('none', { unmasked: false })).toBe(false);
  });
});

import { describe, it, expect } from 'vitest';
import {
  defaultMaskingRules,
  maskAddress,
  maskBankCard,
  maskEmail,
  maskIdNumber,
  maskName,
  maskPhone,
} from './masking';

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['𠮷大海', '𠮷**'],
    ['𠮷𠮷', '𠮷*'],
    ['买买提·艾力', '买*****'],
    ['张', '*'],
    ['𠮷', '*'],
    ['  ', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 1 and last 2 by default and preserves the length', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1***************2X');
  });

  it('accepts the first 6 / last 4 variant some localities use', () => {
    expect(maskIdNumber('11010519491231002X', { keepStart: 6, keepEnd: 4 })).toBe('110105********002X');
  });

  it('masks everything when the value is too short to keep anything', () => {
    expect(maskIdNumber('12')).toBe('**');
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['138 1234 1234', '138****1234'],
    ['+86 138-1234-1234', '+86 138****1234'],
    ['010-12345678', '010-****5678'],
    ['(0755)88886666', '0755-****6666'],
    ['0571 8765432', '0571-***5432'],
    ['95588', '*5588'],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('takes overrides per phone type', () => {
    expect(maskPhone('010-12345678', { landline: { keepEnd: 2 } })).toBe('010-******78');
    expect(maskPhone('13812341234', { mobile: { keepStart: 3, keepEnd: 2 } })).toBe('138******34');
  });
});

describe('maskAddress', () => {
  it('keeps the first 6 characters and hides the rest behind a fixed-width tail', () => {
    expect(maskAddress('北京市朝阳区三里屯路19号院1号楼')).toBe('北京市朝阳区****');
  });

  it('counts non-BMP characters as one', () => {
    expect(maskAddress('𠮷林省𠮷林市船营区某街道')).toBe('𠮷林省𠮷林市****');
  });

  it('never shows a short address whole', () => {
    expect(maskAddress('朝阳区三里屯')).toBe('朝阳区****');
    expect(maskAddress('')).toBe('');
  });
});

describe('maskBankCard', () => {
  it('keeps the first 4 and last 4 digits', () => {
    expect(maskBankCard('6222 0212 3456 7890 123')).toBe('6222***********0123');
    expect(maskBankCard('6222021234567890')).toBe('6222********7890');
  });
});

describe('maskEmail', () => {
  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    ['a@example.com', '***@example.com'],
    ['𠮷大海@example.cn', '𠮷***@example.cn'],
    ['not-an-email', 'n***'],
  ])('%s → %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});

describe('defaultMaskingRules', () => {
  it('holds the documented defaults and cannot be changed by accident', () => {
    expect(defaultMaskingRules.idNumber).toEqual({ keepStart: 1, keepEnd: 2 });
    expect(defaultMaskingRules.mobile).toEqual({ keepStart: 3, keepEnd: 4 });
    expect(Object.isFrozen(defaultMaskingRules)).toBe(true);
  });
});

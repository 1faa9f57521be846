import { describe, expect, it } from 'vitest';
import { passwordStrength } from './password-strength';

describe('passwordStrength', () => {
  it('calls short or single-class passwords weak, with the policy’s message key', () => {
    expect(passwordStrength('Ab1!')).toEqual({ level: 'weak', problems: ['password.weak'] });
    expect(passwordStrength('abcdefghijk')).toEqual({ level: 'weak', problems: ['password.weak'] });
  });

  it('accepts three classes and 8 characters as fair, four classes and 12 as strong', () => {
    expect(passwordStrength('Yunxi2026').level).toBe('fair');
    expect(passwordStrength('Yunxi@2026-ok').level).toBe('strong');
  });

  it('refuses a password containing the account name', () => {
    expect(passwordStrength('Zhangsan@2026', ['zhangsan']).problems).toEqual(['password.containsUsername']);
    expect(passwordStrength('Ab@2026xyz', ['ab']).problems).toEqual([]);
  });
});

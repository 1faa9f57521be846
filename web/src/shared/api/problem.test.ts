import { describe, expect, it } from 'vitest';
import type { Problem } from '@zhengtong/contracts';
import { fieldErrorsFor, isMessageKey, toProblem } from './problem';

const validation = (errors: Problem['errors']): Problem => ({ type: 'x', title: '提交的信息有误', status: 400, code: 'VALIDATION_FAILED', errors });

describe('toProblem', () => {
  it('keeps the server problem as sent', () => {
    const body = { type: 't', title: '账号或密码错误', status: 401, code: 'INVALID_CREDENTIALS', requestId: 'r1' };
    expect(toProblem(401, body, 'zh-CN')).toMatchObject({ code: 'INVALID_CREDENTIALS', title: '账号或密码错误', status: 401, requestId: 'r1' });
  });

  it('turns a body that is not ours into a problem in the reader’s language', () => {
    expect(toProblem(502, '<html>Bad gateway</html>', 'en-US')).toMatchObject({ code: 'UNAVAILABLE', status: 502, title: 'The service is temporarily unavailable' });
    expect(toProblem(0, undefined, 'zh-CN')).toMatchObject({ code: 'UNAVAILABLE', title: '系统正在维护,请稍后再试' });
    expect(toProblem(500, { code: 'NOT_A_CODE' }, 'zh-CN').code).toBe('INTERNAL');
  });

  it('drops malformed field errors instead of failing', () => {
    const p = toProblem(400, { code: 'VALIDATION_FAILED', title: 'x', errors: [{ field: 'a', code: 'required', message: 'm' }, { field: 1 }] }, 'zh-CN');
    expect(p.errors).toEqual([{ field: 'a', code: 'required', message: 'm' }]);
  });
});

describe('fieldErrorsFor', () => {
  it('puts each error on its form field and groups messages per field', () => {
    const problem = validation([
      { field: 'idNumber', code: 'idNumber.taken', message: '该身份证号已注册' },
      { field: 'password', code: 'password.weak', message: '密码太弱' },
      { field: 'password', code: 'password.containsUsername', message: '不能包含账号名' },
    ]);
    const { fields, unmatched } = fieldErrorsFor(problem, ['name', 'idNumber', 'phone', 'password']);
    expect(fields).toEqual([
      { name: ['idNumber'], errors: ['该身份证号已注册'] },
      { name: ['password'], errors: ['密码太弱', '不能包含账号名'] },
    ]);
    expect(unmatched).toEqual([]);
  });

  it('lands a nested path on the field the form shows', () => {
    const problem = validation([{ field: 'redirectUris.1', code: 'oidcClient.redirectUriHttps', message: '须使用 https' }]);
    expect(fieldErrorsFor(problem, ['redirectUris']).fields).toEqual([{ name: ['redirectUris'], errors: ['须使用 https'] }]);
  });

  it('keeps an exact nested field when the form has it', () => {
    const problem = validation([{ field: 'roles.0', code: 'invalid_value', message: '取值不在允许范围内' }]);
    expect(fieldErrorsFor(problem, ['roles.0']).fields).toEqual([{ name: ['roles', 0], errors: ['取值不在允许范围内'] }]);
  });

  it('returns errors for fields the form does not show, so the page can still say them', () => {
    const problem = validation([{ field: 'body', code: 'invalid_type', message: '格式不正确' }]);
    const result = fieldErrorsFor(problem, ['name']);
    expect(result.fields).toEqual([]);
    expect(result.unmatched).toEqual([{ field: 'body', code: 'invalid_type', message: '格式不正确' }]);
  });

  it('has nothing to map for a problem without field errors', () => {
    const problem: Problem = { type: 'x', title: '账号已锁定', status: 423, code: 'ACCOUNT_LOCKED', detail: '请在 15 分钟后重试' };
    expect(fieldErrorsFor(problem, ['username'])).toEqual({ fields: [], unmatched: [] });
  });
});

describe('untranslated message keys', () => {
  it('tells a key from a sentence', () => {
    expect(isMessageKey('agent.personNotFound')).toBe(true);
    expect(isMessageKey('region.inUse.children')).toBe(true);
    expect(isMessageKey('该身份证号已注册,请直接登录或找回密码')).toBe(false);
    expect(isMessageKey('The ID number is wrong.')).toBe(false);
  });

  it('replaces a key the server sent as a message with the fallback', () => {
    const problem = validation([{ field: 'code', code: 'totp.wrong', message: 'totp.wrong' }]);
    expect(fieldErrorsFor(problem, ['code'], () => '动态验证码不正确或已过期').fields).toEqual([{ name: ['code'], errors: ['动态验证码不正确或已过期'] }]);
  });
});

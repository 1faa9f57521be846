import { describe, expect, it } from 'vitest';
import { maskPayload } from './mask-payload';

describe('outbox payload masking', () => {
  it('masks phone numbers, ID numbers, e-mail addresses and names at any depth', () => {
    const masked = maskPayload({
      to_phone: '13912345678',
      message: '您的办件已受理',
      recipient: { name: '张三丰', email: 'zhangsan@example.cn', idNumber: '11010519491231002X' },
      list: [{ phone: '13800001111' }],
      caseNo: 'ZT-2026-0001',
      count: 2,
    });
    expect(masked).toEqual({
      to_phone: '139****5678',
      message: '您的办件已受理',
      recipient: { name: '张**', email: 'z***@example.cn', idNumber: '1***************2X' },
      list: [{ phone: '138****1111' }],
      caseNo: 'ZT-2026-0001',
      count: 2,
    });
  });

  it('leaves values that are not text alone', () => {
    expect(maskPayload({ phone: null, name: 3 })).toEqual({ phone: null, name: 3 });
  });
});

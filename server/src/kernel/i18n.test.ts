import { describe, expect, it } from 'vitest';
import { messageRef, pickLocale, registerMessages, translate } from './i18n';

registerMessages({
  'zh-CN': { 'test.stale': '当前状态:“{status}”,第 {n} 次', 'test.status.accepted': '已受理' },
  'en-US': { 'test.stale': 'now “{status}”, try {n}', 'test.status.accepted': 'Accepted' },
});

describe('translate', () => {
  it('fills placeholders and translates values that name another message', () => {
    expect(translate('test.stale', 'zh-CN', { status: messageRef('test.status.accepted'), n: 2 })).toBe('当前状态:“已受理”,第 2 次');
    expect(translate('test.stale', 'en-US', { status: messageRef('test.status.accepted'), n: 2 })).toBe('now “Accepted”, try 2');
  });

  it('keeps unknown keys and placeholders visible rather than failing', () => {
    expect(translate('test.missing', 'zh-CN')).toBe('test.missing');
    expect(translate('test.stale', 'zh-CN', { status: messageRef('test.status.unknown') })).toBe('当前状态:“test.status.unknown”,第 {n} 次');
  });

  it('answers in Chinese unless English is asked for', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('en-GB,en;q=0.9')).toBe('en-US');
    expect(pickLocale('en-US', 'zh-CN')).toBe('zh-CN');
  });
});

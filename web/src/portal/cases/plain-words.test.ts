import { describe, expect, it } from 'vitest';
import { clockWords, dateWords, isClosed, stageOf, supplementLines } from './plain-words';

describe('dateWords', () => {
  it('writes dates as on paper, in Beijing time', () => {
    expect(dateWords('2026-03-04T16:30:00Z', 'zh-CN')).toBe('2026年3月5日');
    expect(dateWords('2026-03-04T16:30:00Z', 'en-US')).toBe('2026-03-05');
    expect(dateWords(null, 'zh-CN')).toBe('');
    expect(dateWords('not a date', 'zh-CN')).toBe('');
  });
});

describe('clockWords', () => {
  it('says how the time limit stands', () => {
    expect(clockWords('green', 3)).toEqual({ key: 'onTime', days: 3 });
    expect(clockWords('yellow', 0)).toEqual({ key: 'dueToday', days: 0 });
    expect(clockWords('red', -2)).toEqual({ key: 'overdue', days: 2 });
    expect(clockWords('paused', 4)).toEqual({ key: 'paused', days: 0 });
    expect(clockWords('none', null)).toEqual({ key: 'none', days: 0 });
  });
});

describe('stageOf', () => {
  it('places every status on the applicant’s progress bar', () => {
    expect(stageOf('submitted')).toEqual({ stage: 'accept', isStopped: false });
    expect(stageOf('suspended')).toEqual({ stage: 'review', isStopped: true });
    expect(stageOf('suspended', 'accept')).toEqual({ stage: 'accept', isStopped: true });
    expect(stageOf('denied')).toEqual({ stage: 'done', isStopped: false });
    expect(stageOf('refused')).toEqual({ stage: 'accept', isStopped: true });
    expect(isClosed('withdrawn')).toBe(true);
    expect(isClosed('in_review')).toBe(false);
  });
});

describe('supplementLines', () => {
  it('names each correction as the applicant knows it', () => {
    const lines = supplementLines(
      [
        { target: 'material', key: 'birthCertificate', reason: '照片模糊,请重新上传清晰的扫描件' },
        { target: 'field', key: 'childName', reason: '姓名与出生医学证明不一致' },
        { target: 'other', key: '', reason: '请补充监护人联系电话' },
      ],
      { materials: [{ key: 'birthCertificate', name: '出生医学证明' }], fields: [{ key: 'childName', label: { 'zh-CN': '新生儿姓名', 'en-US': 'Child’s name' }, type: 'text', required: true }] },
      'en-US',
    );
    expect(lines.map((l) => l.what)).toEqual(['出生医学证明', 'Child’s name', '']);
    expect(lines[2]?.reason).toBe('请补充监护人联系电话');
  });
});

import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { FormSchema } from '@zhengtong/contracts';
import { answerText, applicableMaterials, fieldIssue, toEditValues, toSubmission, visibleFields } from './logic';

const label = (zh: string) => ({ 'zh-CN': zh, 'en-US': '' });
const form: FormSchema = {
  fields: [
    { key: 'applicantType', label: label('申请人类型'), type: 'radio', required: true, options: [{ value: 'self', label: label('本人') }, { value: 'agent', label: label('委托代理人') }] },
    { key: 'agentName', label: label('代理人姓名'), type: 'text', required: true, visibleWhen: { field: 'applicantType', equals: 'agent' } },
    { key: 'agentIdNumber', label: label('代理人身份证号'), type: 'idNumber', required: true, visibleWhen: { field: 'agentName', in: ['张三', '李四'] } },
    { key: 'birthDate', label: label('出生日期'), type: 'date', required: true },
    { key: 'count', label: label('人数'), type: 'number', required: false, min: 1, max: 9 },
    { key: 'consent', label: label('同意'), type: 'checkbox', required: true },
    { key: 'needs', label: label('需要'), type: 'checkbox', required: false, options: [{ value: 'a', label: { 'zh-CN': '甲', 'en-US': 'A' } }, { value: 'b', label: label('乙') }] },
  ],
};

function field(index: number) {
  const found = form.fields[index];
  if (!found) throw new Error(`no field ${index}`);
  return found;
}

describe('visibleFields', () => {
  it('shows a conditional field only when its condition holds, and hides its dependants with it', () => {
    expect(visibleFields(form, {}).map((f) => f.key)).toEqual(['applicantType', 'birthDate', 'count', 'consent', 'needs']);
    expect(visibleFields(form, { applicantType: 'agent', agentName: '张三' }).map((f) => f.key)).toContain('agentIdNumber');
    // agentName still holds 张三 in the form state, but it is hidden: its dependant goes too.
    expect(visibleFields(form, { applicantType: 'self', agentName: '张三' }).map((f) => f.key)).not.toContain('agentIdNumber');
  });
});

describe('fieldIssue', () => {
  it('says what the server would say about one answer', () => {
    expect(fieldIssue(field(1), '')).toBe('required');
    expect(fieldIssue(field(2), '11010519491231002Y')).toMatch(/^idNumber\./);
    expect(fieldIssue(field(2), '11010519491231002X')).toBeUndefined();
    expect(fieldIssue(field(4), 12)).toBe('too_big');
    expect(fieldIssue(field(3), '2026-02-30')).toBe('invalid_format');
    expect(fieldIssue(field(3), dayjs('2026-02-28'))).toBeUndefined();
  });

  it('judges a conditional field on its own answer, whatever its condition', () => {
    expect(fieldIssue(field(1), '王五')).toBeUndefined();
  });

  it('wants a required consent box ticked', () => {
    expect(fieldIssue(field(5), false)).toBe('required');
    expect(fieldIssue(field(5), true)).toBeUndefined();
  });
});

describe('toSubmission and toEditValues', () => {
  it('sends visible answers only, dates as text, blanks left out', () => {
    const values = { applicantType: 'self', agentName: '张三', birthDate: dayjs('2026-03-01'), count: 2, consent: true, needs: [], extra: 'x' };
    expect(toSubmission(form, values)).toEqual({ applicantType: 'self', birthDate: '2026-03-01', count: 2, consent: true });
  });

  it('trims text and keeps chosen options', () => {
    expect(toSubmission(form, { applicantType: 'agent', agentName: ' 李四 ', needs: ['a'] })).toEqual({ applicantType: 'agent', agentName: '李四', needs: ['a'] });
  });

  it('turns a saved draft back into editing values', () => {
    const edit = toEditValues(form, { birthDate: '2026-03-01', count: 3, needs: ['b'], unknown: 'x' });
    expect(dayjs.isDayjs(edit.birthDate)).toBe(true);
    expect(edit).toMatchObject({ count: 3, needs: ['b'] });
    expect(edit).not.toHaveProperty('unknown');
  });
});

describe('applicableMaterials', () => {
  const materials = [{ key: 'idCard' }, { key: 'proxy', appliesWhen: { field: 'applicantType', equals: 'agent' } }];
  it('asks for a material only when the answers call for it', () => {
    expect(applicableMaterials(materials, form, { applicantType: 'self' }).map((m) => m.key)).toEqual(['idCard']);
    expect(applicableMaterials(materials, form, { applicantType: 'agent' }).map((m) => m.key)).toEqual(['idCard', 'proxy']);
  });
});

describe('answerText', () => {
  const words = { yes: '是', no: '否', none: '未填写' };
  it('reads answers as a person would', () => {
    expect(answerText(field(0), 'agent', 'zh-CN', words)).toBe('委托代理人');
    expect(answerText(field(5), true, 'zh-CN', words)).toBe('是');
    expect(answerText(field(6), ['a', 'b'], 'zh-CN', words)).toBe('甲、乙');
    expect(answerText(field(6), ['a', 'b'], 'en-US', words)).toBe('A, 乙');
    expect(answerText(field(1), undefined, 'zh-CN', words)).toBe('未填写');
  });
});

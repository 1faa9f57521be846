import { describe, expect, it } from 'vitest';
import type { FormField } from '@zhengtong/contracts';
import { prefillFromApplicant } from './prefill';

const field = (key: string, type: FormField['type'] = 'text'): FormField => ({ key, label: { 'zh-CN': key, 'en-US': key }, type, required: true });

describe('window form prefill', () => {
  it('fills the person fields the applicant step already answered, and leaves typed answers alone', () => {
    const form = { fields: [field('applicantName'), field('applicantIdNumber', 'idNumber'), field('applicantPhone', 'phone'), field('address')] };
    const applicant = { type: 'person' as const, name: ' 王五 ', idNumber: '11010519491231002X', phone: '13700001111' };
    expect(prefillFromApplicant(form, applicant)).toEqual({ applicantName: '王五', applicantIdNumber: '11010519491231002X', applicantPhone: '13700001111' });
    expect(prefillFromApplicant(form, applicant, { applicantPhone: '13900002222' })).not.toHaveProperty('applicantPhone');
  });

  it('uses the enterprise and its agent for an enterprise, and nothing for fields the form does not have', () => {
    const form = { fields: [field('entityName'), field('creditCode', 'creditCode'), field('contactName')] };
    expect(prefillFromApplicant(form, { type: 'enterprise', enterpriseName: '青禾食品', creditCode: '91539902MA1QH0013H', agentName: '王芳', phone: '13800000004' })).toEqual({ entityName: '青禾食品', creditCode: '91539902MA1QH0013H', contactName: '王芳' });
  });
});

import crypto from 'node:crypto';
import { createServiceItemInput, itemVersionElements, type CreateServiceItemInput, type ItemVersionElements } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { systemActor } from '../../kernel/authz';
import { createServiceItem } from './items';
import { createImplementation } from './implementations';
import { approveVersion, submitVersion } from './reviews';
import { createDraft, updateDraft } from './drafts';

// Test-only factories: unique items and complete, valid version elements.

export function uniqueBasicCode(): string {
  return `T${crypto.randomBytes(6).toString('hex').toUpperCase()}`;
}

export function sampleItemInput(overrides: Partial<CreateServiceItemInput> = {}): CreateServiceItemInput {
  return createServiceItemInput.parse({
    basicCode: uniqueBasicCode(),
    name: `测试事项${crypto.randomBytes(3).toString('hex')}`,
    type: 'license',
    powerSource: 'statutory',
    basis: [{ name: '《中华人民共和国行政许可法》', article: '第十二条' }],
    audience: 'person',
    lifeEvents: [],
    keywords: [],
    aliases: [],
    departmentCategory: '测试',
    ...overrides,
  });
}

export function sampleElements(overrides: Partial<ItemVersionElements> = {}): ItemVersionElements {
  return itemVersionElements.parse({
    acceptanceConditions: '申请人为本市户籍居民',
    legalLimit: { days: 20, unit: 'workingDay', note: '' },
    promisedLimit: { days: 5, unit: 'workingDay', note: '' },
    caseKind: 'promised',
    channels: ['window', 'online'],
    visitsRequired: 0,
    fees: { isCharged: false },
    location: '市民中心二楼 A 区',
    hours: '工作日 9:00–17:00',
    consultPhone: '0871-12345678',
    complaintPhone: '12345',
    allowsPledge: true,
    allowsGaps: true,
    materials: [
      { key: 'idCard', name: '居民身份证', source: 'government', originals: 1, copies: 0, licenseTypeCode: '111' },
      { key: 'proxy', name: '授权委托书', source: 'applicant', originals: 1, isRequired: true, canBeGap: true, appliesWhen: { field: 'byProxy', equals: true } },
      { key: 'income', name: '收入证明', source: 'applicant', copies: 1, canBePledged: true },
    ],
    form: {
      fields: [
        { key: 'applicantName', label: { 'zh-CN': '申请人姓名', 'en-US': 'Name' }, type: 'text', required: true },
        { key: 'byProxy', label: { 'zh-CN': '委托他人办理', 'en-US': 'By proxy' }, type: 'checkbox' },
        { key: 'proxyName', label: { 'zh-CN': '受托人姓名', 'en-US': 'Proxy' }, type: 'text', required: true, visibleWhen: { field: 'byProxy', equals: true } },
      ],
    },
    workflow: {
      steps: [
        { key: 'accept', name: '受理', role: 'clerk' },
        { key: 'review', name: '审查', role: 'reviewer' },
        { key: 'decide', name: '决定', role: 'reviewer' },
        { key: 'complete', name: '办结', role: 'clerk' },
      ],
    },
    resultFields: [{ key: 'licenceNo', label: { 'zh-CN': '证号', 'en-US': 'Number' }, type: 'text', required: true }],
    resultTemplate: '{{applicantName}}:你于 {{acceptedAt}} 申请的{{itemName}}(编号 {{caseNumber}}),准予许可,证号 {{result.licenceNo}}。申请人 {{form.applicantName}}。',
    ...overrides,
  });
}

/** An item implemented by a department, with a published version in force (the platform acting throughout). */
export async function publishedItem(
  kernel: Kernel,
  options: { regionCode: string; departmentId: string; item?: Partial<CreateServiceItemInput>; elements?: Partial<ItemVersionElements>; implementationRegion?: string },
) {
  const actor = systemActor('test');
  const item = await createServiceItem(kernel, { actor, input: sampleItemInput({ regionCode: options.regionCode, ...options.item }) });
  const implementation = await createImplementation(kernel, { actor, serviceItemId: item.id, input: { departmentId: options.departmentId, regionCode: options.implementationRegion } });
  const version = await publishNewVersion(kernel, implementation.id, options.elements);
  return { item, implementation, version };
}

export async function publishNewVersion(kernel: Kernel, implementationId: string, elements: Partial<ItemVersionElements> = {}, effectiveFrom?: string) {
  const actor = systemActor('test');
  const draft = await createDraft(kernel, { actor, implementationId, input: {} });
  const edited = await updateDraft(kernel, { actor, id: draft.id, input: { elements: sampleElements(elements), revision: draft.revision } });
  const submitted = await submitVersion(kernel, { actor, id: draft.id, input: { revision: edited.revision, note: '' } });
  return approveVersion(kernel, { actor, id: draft.id, input: { revision: submitted.revision, note: '', effectiveFrom } });
}

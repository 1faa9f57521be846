import type { ItemVersionElements } from '@zhengtong/contracts';

/** Marks text an editor must still write; a draft containing it cannot be submitted for review. */
export const TO_BE_FILLED = '（待填写）';

/**
 * The first draft of an implementation nothing can be copied from: the usual 受理 → 审查 → 决定 → 办结 and an empty
 * form, with the local details marked to be filled in.
 */
export function skeletonElements(): ItemVersionElements {
  return {
    acceptanceConditions: TO_BE_FILLED,
    legalLimit: null,
    promisedLimit: { days: 20, unit: 'workingDay', note: '' },
    caseKind: 'promised',
    channels: ['window', 'online'],
    visitsRequired: 1,
    fees: { isCharged: false, basis: null, amountFen: null, note: '' },
    location: TO_BE_FILLED,
    hours: '工作日 上午 9:00–12:00,下午 13:30–17:00(法定节假日除外)',
    consultPhone: TO_BE_FILLED,
    complaintPhone: '12345',
    allowsPledge: false,
    allowsGaps: false,
    materials: [],
    form: { fields: [] },
    workflow: {
      steps: [
        { key: 'accept', name: '受理', role: 'clerk', departmentIds: [], isOptional: false, limitDays: 1 },
        { key: 'review', name: '审查', role: 'reviewer', departmentIds: [], isOptional: false, limitDays: null },
        { key: 'decide', name: '决定', role: 'reviewer', departmentIds: [], isOptional: false, limitDays: null },
        { key: 'complete', name: '办结', role: 'clerk', departmentIds: [], isOptional: false, limitDays: 1 },
      ],
      allowsSpecialProcedure: false,
      specialProcedureNote: '',
    },
    resultFields: [],
    resultTemplate: '',
    changeNote: '',
  };
}

/** The element paths still holding the to-be-filled marker. */
export function unfilledFields(e: ItemVersionElements): string[] {
  const texts: [string, string][] = [
    ['acceptanceConditions', e.acceptanceConditions],
    ['location', e.location],
    ['hours', e.hours],
    ['consultPhone', e.consultPhone],
    ['complaintPhone', e.complaintPhone],
  ];
  return texts.filter(([, value]) => value.includes(TO_BE_FILLED)).map(([field]) => field);
}

import type { CaseMaterialView, MaterialChoiceValue } from '@zhengtong/contracts';

// How each material of an application is handed in, shared by the online application and the comprehensive window.

export type MaterialChoice = 'upload' | 'pledge' | 'gap';
export type MaterialChoices = Record<string, MaterialChoice>;

/**
 * Required materials not yet satisfied: no file uploaded, or a promise (告知承诺) chosen but not signed. 容缺 counts,
 * and so does a material the system fetches from the applicant's electronic licence (免证办: `fetched`, from the
 * preview, or already recorded on the case as mode `license`).
 */
export function unsatisfiedMaterials(materials: readonly CaseMaterialView[], choices: MaterialChoices, signed: Record<string, boolean>, fetched: ReadonlySet<string> = new Set()): CaseMaterialView[] {
  return materials.filter((m) => {
    if (fetched.has(m.key) || m.mode === 'license') return false;
    const choice = choices[m.key] ?? 'upload';
    if (choice === 'pledge') return !signed[m.key];
    if (choice === 'gap') return false;
    return m.isRequired && m.files.length === 0;
  });
}

/** Materials the system will fetch: those a valid licence satisfies (`fetchable`), unless the applicant chose to upload. */
export function willFetch(fetchable: ReadonlySet<string>, choices: MaterialChoices): Set<string> {
  return new Set([...fetchable].filter((key) => choices[key] !== 'upload'));
}

/**
 * What the server records: the materials replaced by a promise or handed in later, and — for a material a licence
 * satisfies — `upload` when the applicant declined the fetch. Any other choice on such a material (left over from a
 * draft saved before the licence was issued) is dropped.
 */
export function choicesToSend(choices: MaterialChoices, fetchable: ReadonlySet<string> = new Set()): Record<string, MaterialChoiceValue> {
  return Object.fromEntries(Object.entries(choices).filter(([key, choice]) => (fetchable.has(key) ? choice === 'upload' : choice !== 'upload')));
}

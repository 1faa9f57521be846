import type { CaseMaterialView } from '@zhengtong/contracts';

// How each material of an application is handed in, shared by the online application and the comprehensive window.

export type MaterialChoice = 'upload' | 'pledge' | 'gap';
export type MaterialChoices = Record<string, MaterialChoice>;

/** Required materials not yet satisfied: no file uploaded, or a promise (告知承诺) chosen but not signed. 容缺 counts. */
export function unsatisfiedMaterials(materials: readonly CaseMaterialView[], choices: MaterialChoices, signed: Record<string, boolean>): CaseMaterialView[] {
  return materials.filter((m) => {
    const choice = choices[m.key] ?? 'upload';
    if (choice === 'pledge') return !signed[m.key];
    if (choice === 'gap') return false;
    return m.isRequired && m.files.length === 0;
  });
}

/** What the server records: only the materials replaced by a promise or handed in later. */
export function choicesToSend(choices: MaterialChoices): Record<string, 'pledge' | 'gap'> {
  return Object.fromEntries(Object.entries(choices).filter((e): e is [string, 'pledge' | 'gap'] => e[1] !== 'upload'));
}

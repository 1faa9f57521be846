import { checkFormValues, conditionHolds, type FormValue, type ItemVersionView, type Material, type MaterialChoiceValue } from '@zhengtong/contracts';
import type { FieldIssue } from '../../kernel/errors';

// What an application must contain: the form's answers and the materials that apply to them, each either uploaded,
// promised (告知承诺) or accepted as missing (容缺), as the item version allows.

export type Choices = Readonly<Record<string, MaterialChoiceValue>>;

/** Materials asked for given the answers (授权委托书 only when filed by proxy). */
export function applicableMaterials(version: ItemVersionView, values: Readonly<Record<string, unknown>>): Material[] {
  return version.materials.filter((m) => !m.appliesWhen || conditionHolds(m.appliesWhen, values));
}

/** The answers cleaned against the form; a draft may leave required fields empty. */
export function checkValues(version: ItemVersionView, values: Readonly<Record<string, unknown>>, options: { isDraft: boolean }): { values: Record<string, FormValue>; issues: FieldIssue[] } {
  const checked = checkFormValues(version.form, values);
  return { values: checked.values, issues: options.isDraft ? checked.issues.filter((i) => i.code !== 'required') : checked.issues };
}

export function choiceIssues(version: ItemVersionView, choices: Choices): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, choice] of Object.entries(choices)) {
    const material = version.materials.find((m) => m.key === key);
    const field = `materialChoices.${key}`;
    if (!material) issues.push({ field, code: 'cases.materialUnknown' });
    else if (choice === 'pledge' && !(version.allowsPledge && material.canBePledged)) issues.push({ field, code: 'cases.pledgeNotAllowed' });
    else if (choice === 'gap' && !(version.allowsGaps && material.canBeGap)) issues.push({ field, code: 'cases.gapNotAllowed' });
    else if (choice === 'upload' && !material.licenseTypeCode) issues.push({ field, code: 'cases.uploadChoiceNotLicensed' });
  }
  return issues;
}

/** Required materials neither uploaded (or fetched), promised nor accepted as missing. */
export function missingMaterials(version: ItemVersionView, values: Readonly<Record<string, unknown>>, choices: Choices, uploaded: ReadonlySet<string>): FieldIssue[] {
  const isExcused = (key: string) => choices[key] === 'pledge' || choices[key] === 'gap';
  return applicableMaterials(version, values)
    .filter((m) => m.isRequired && !uploaded.has(m.key) && !isExcused(m.key))
    .map((m) => ({ field: `materials.${m.key}`, code: 'cases.materialMissing' }));
}

/** Choices that still matter for these answers (a promise for a material no longer asked for is dropped). */
export function effectiveChoices(version: ItemVersionView, values: Readonly<Record<string, unknown>>, choices: Choices, uploaded: ReadonlySet<string>): Record<string, MaterialChoiceValue> {
  const keys = new Set(applicableMaterials(version, values).map((m) => m.key));
  return Object.fromEntries(Object.entries(choices).filter(([key]) => keys.has(key) && !uploaded.has(key)));
}

/**
 * The written notice and promise of 告知承诺: what is normally asked for, that the applicant meets it, and what a
 * false promise costs (revocation and a credit record).
 */
export function pledgeText(version: ItemVersionView, material: Material, signer: string): string {
  return (
    `${version.implementation.department.name}告知:办理“${version.serviceItem.name}”通常须提交“${material.name}”。` +
    `本人${signer}承诺:本人符合该材料所证明的条件,所作承诺真实、准确、完整;` +
    `本人知晓行政机关将对承诺内容进行核查,如承诺不实,愿意承担相应法律责任,接受撤销相关决定并记入信用记录。`
  );
}

/** In what form a missing material must be handed in (原件 n 份、复印件 n 份, or electronically). */
export function gapForm(material: Material): string {
  const parts = [material.originals > 0 ? `原件${material.originals}份` : '', material.copies > 0 ? `复印件${material.copies}份` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join('、') : `电子件(${material.formats.join('/')})`;
}

import type { FormSchema } from '@zhengtong/contracts';
import type { ApplicantValues } from './applicant-form';

// The clerk already typed who the applicant is; the item's form asks again under these well-known keys (the keys
// the catalogue's person and enterprise field sets use), so those answers start filled in. Never overwrites.
const personKeys: Readonly<Record<string, keyof ApplicantValues>> = { applicantName: 'name', applicantIdNumber: 'idNumber', applicantPhone: 'phone' };
const enterpriseKeys: Readonly<Record<string, keyof ApplicantValues>> = { entityName: 'enterpriseName', creditCode: 'creditCode', contactName: 'agentName', contactPhone: 'phone' };

/** Answers of the item's form that the applicant step already gave, for fields still empty. */
export function prefillFromApplicant(form: FormSchema, applicant: ApplicantValues, current: Record<string, unknown> = {}): Record<string, unknown> {
  const keys = applicant.type === 'enterprise' ? enterpriseKeys : personKeys;
  const filled: Record<string, unknown> = {};
  for (const field of form.fields) {
    const source = keys[field.key];
    const value = source ? applicant[source] : undefined;
    const existing = current[field.key];
    if (typeof value === 'string' && value.trim() !== '' && (existing === undefined || existing === null || existing === '')) filled[field.key] = value.trim();
  }
  return filled;
}

import type { IssueLicenseInput, LicenseView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { invalid } from '../../kernel/errors';
import { findDepartment } from '../departments';
import { protect } from '../identity';
import { assertIssuesType } from './access';
import { checkFields, resolveValidity } from './fields';
import { enterpriseByCreditCode, type Holder } from './holders';
import { issueOne } from './issue';
import { getLicense } from './reads';
import { findType } from './repo';
import { todayInBeijing } from './workflow';
import { inTransaction } from '../../kernel/audit';

// 手工签发: the issuing department's reviewer issues a licence of one of its types by hand (e.g. a 残疾人证 after
// the assessment, or a re-issue decided outside the platform's cases).

export async function issueLicense(kernel: Kernel, { actor, input }: { actor: Actor; input: IssueLicenseInput }): Promise<LicenseView> {
  const type = await findType(kernel.db, input.typeId);
  if (!type) throw invalid([{ field: 'typeId', code: 'license.typeNotFound' }]);
  const issuer = await findDepartment(kernel.db, type.department_id);
  if (!issuer) throw invalid([{ field: 'typeId', code: 'license.typeNotFound' }]);
  assertIssuesType(actor, type, issuer);
  if (!type.is_active) throw invalid([{ field: 'typeId', code: 'license.typeInactive' }]);
  if (input.holder.type !== type.holder_type) throw invalid([{ field: 'holder.type', code: 'license.holderTypeMismatch' }]);
  const checked = checkFields(type, input.fields);
  const validity = resolveValidity(type, { validFrom: input.validFrom ?? todayInBeijing(), validTo: input.validTo }, checked.values);
  const issues = [...checked.issues, ...validity.issues];
  if (issues.length > 0) throw invalid(issues);

  let holder: Holder;
  let holderNumber: string;
  if (input.holder.type === 'person') {
    const sealed = protect(kernel.keys, 'idNumber', input.holder.idNumber);
    holder = { type: 'person', name: input.holder.name, idEnc: sealed.enc, idIdx: sealed.idx, creditCode: null, accountId: null, enterpriseId: null };
    holderNumber = input.holder.idNumber;
  } else {
    const registered = await enterpriseByCreditCode(kernel.db, input.holder.creditCode);
    holder = { type: 'enterprise', name: input.holder.name, idEnc: null, idIdx: null, creditCode: input.holder.creditCode, accountId: registered?.accountId ?? null, enterpriseId: registered?.id ?? null };
    holderNumber = input.holder.creditCode;
  }
  const id = await inTransaction(kernel.db, (tx) =>
    issueOne(tx, kernel.keys, actor, { type, issuer, holder, holderNumber, fields: checked.values, validFrom: validity.validFrom, validTo: validity.validTo, issuedAt: new Date(), source: 'manual' }),
  );
  return getLicense(kernel, { actor, id });
}

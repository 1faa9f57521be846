import type { CaseDocumentVerdict } from '@zhengtong/contracts';
import { audit, inTransaction } from '../../kernel/audit';
import type { Actor } from '../../kernel/authz';
import { sm3Hex } from '../../kernel/crypto';
import { verifyWithSeal } from '../../platform/seals';
import type { CasesContext } from './context';
import { findCaseByDecisionFile } from './repo';

// Anyone holding a decision letter (a bank, another department, the applicant) checks that it is the one the platform
// issued and that not one byte changed: the file's SM3 names the case, and the seal's SM2 signature over those bytes
// must verify under the published key. Every check is logged.

const nothing = { caseNumber: null, itemName: null, departmentName: null, decidedAt: null, resultKind: null, revokedAt: null, seal: null };

export async function verifyDecisionLetter(ctx: CasesContext, { actor, bytes }: { actor: Actor; bytes: Buffer }): Promise<CaseDocumentVerdict> {
  const sm3 = sm3Hex(bytes);
  const row = await findCaseByDecisionFile(ctx.kernel.db, sm3);
  let verdict: CaseDocumentVerdict;
  if (!row) {
    verdict = { verdict: 'unknownDocument', isAuthentic: false, ...nothing };
  } else {
    const facts = {
      caseNumber: row.case_number,
      itemName: row.item_name,
      departmentName: row.handling_department_name,
      decidedAt: row.decided_at?.toISOString() ?? null,
      resultKind: row.result_kind,
      revokedAt: row.result_revoked_at?.toISOString() ?? null,
    };
    if (!row.decision_seal_key_id || !row.decision_signature) {
      verdict = { verdict: 'unsigned', isAuthentic: false, ...facts, seal: null };
    } else {
      const checked = await verifyWithSeal(ctx.kernel.db, row.decision_seal_key_id, bytes, row.decision_signature);
      const seal = checked.seal ? { name: checked.seal.name, keyId: checked.keyId, status: checked.status } : null;
      // A seal revoked after the letter was signed still vouches for it; one revoked before did not.
      const revokedBefore = checked.seal?.revokedAt && row.decided_at && new Date(checked.seal.revokedAt) < row.decided_at;
      const kind = !checked.valid ? 'badSignature' : revokedBefore ? 'sealRevoked' : 'authentic';
      verdict = { verdict: kind, isAuthentic: kind === 'authentic', ...facts, seal };
    }
  }
  await inTransaction(ctx.kernel.db, (tx) =>
    audit(tx, actor, { action: 'case-document.verify', objectType: 'case', objectId: row?.id, detail: { sm3, verdict: verdict.verdict } }),
  );
  return verdict;
}

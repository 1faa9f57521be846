import type { MaterialFormat } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { checkFile, formatMimeTypes } from '../../kernel/files';
import { AppError, invalid } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { assertApplicantSide, isWindowFiler } from './access';
import type { CasesContext } from './context';
import { getCaseRow, perspectiveOf, versionOf } from './load';
import { applicableMaterials } from './materials';
import { recordAction } from './record';
import { findMaterial, fulfilGap, insertMaterial, listGaps, listMaterials, lockCase, removeMaterial, type CaseRow } from './repo';
import { staleVersion } from './conflicts';

// Material files: checked by content (magic bytes), size-limited per the item version, stored by SM3.

const MB = 1024 * 1024;
const MAX_FILES_PER_MATERIAL = 10;
/** The multipart parser's ceiling: the largest maxSizeMb the catalogue allows (50), plus room for the envelope. */
export const UPLOAD_CEILING_BYTES = 50 * MB;

export type UploadedMaterial = { id: string; materialKey: string; fileName: string; format: MaterialFormat; sizeBytes: number; sm3: string; trustLevel: 'B' | 'C' };

/** Why uploads are open now: a draft, a 补正 request, or a 容缺 material still owed. */
async function uploadWindow(ctx: CasesContext, row: CaseRow, materialKey: string): Promise<'draft' | 'supplement' | 'gap'> {
  if (row.status === 'draft') return 'draft';
  const owed = (await listGaps(ctx.kernel.db, row.id)).some((g) => g.material_key === materialKey && g.fulfilled_at === null);
  if (owed && ['accepted', 'in_review', 'suspended'].includes(row.status)) return 'gap';
  if (row.status === 'suspended' && row.suspend_kind === 'supplement') return 'supplement';
  throw new AppError('CONFLICT', { detail: 'cases.uploadClosed' });
}

/** The maximum upload size of a material in bytes (so the parser can stop reading early). */
export async function materialLimit(ctx: CasesContext, { actor, caseId, materialKey }: { actor: Actor; caseId: string; materialKey: string }): Promise<number> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  assertApplicantSide(actor, row);
  const version = await versionOf(ctx.kernel.db, row);
  const material = version.materials.find((m) => m.key === materialKey);
  if (!material) throw invalid([{ field: 'materialKey', code: 'cases.materialUnknown' }]);
  return material.maxSizeMb * MB;
}

export async function uploadMaterial(
  ctx: CasesContext,
  { actor, caseId, materialKey, file }: { actor: Actor; caseId: string; materialKey: string; file: { bytes: Buffer; fileName: string } },
): Promise<UploadedMaterial> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  assertApplicantSide(actor, row);
  const version = await versionOf(ctx.kernel.db, row);
  const material = version.materials.find((m) => m.key === materialKey);
  if (!material) throw invalid([{ field: 'materialKey', code: 'cases.materialUnknown' }]);
  if (!applicableMaterials(version, row.form_values).some((m) => m.key === materialKey)) throw invalid([{ field: 'materialKey', code: 'cases.materialNotApplicable' }]);
  const purpose = await uploadWindow(ctx, row, materialKey);
  const check = checkFile(file.bytes, { maxBytes: material.maxSizeMb * MB, formats: material.formats });
  if (!check.ok) {
    switch (check.reason) {
      case 'empty':
        throw invalid([{ field: 'file', code: 'cases.fileEmpty' }]);
      case 'tooLarge':
        throw new AppError('PAYLOAD_TOO_LARGE', { detail: 'cases.materialTooLarge', params: { maxMb: material.maxSizeMb } });
      case 'unrecognised':
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'cases.fileUnreadable' });
      case 'formatNotAllowed':
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'cases.materialFormat', params: { formats: material.formats.join('、') } });
    }
  }
  const existing = (await listMaterials(ctx.kernel.db, caseId)).filter((m) => m.material_key === materialKey);
  if (existing.length >= MAX_FILES_PER_MATERIAL) throw invalid([{ field: 'file', code: 'cases.tooManyFiles' }]);
  // Stored before the transaction: content-addressed, so a rolled-back upload leaves only an unreferenced blob.
  const stored = await ctx.files.put(file.bytes);
  // A scan made at the window was checked against the original by staff (level B); the applicant's own upload is C.
  const trustLevel = isWindowFiler(actor, row) ? 'B' : 'C';
  const id = newId();
  const fileName = sanitizeFileName(file.fileName, check.format);
  const now = new Date();
  await inTransaction(ctx.kernel.db, async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked || locked.status !== row.status) throw staleVersion(locked ?? row);
    await insertMaterial(tx, {
      id,
      case_id: caseId,
      material_key: materialKey,
      file_sm3: stored.sm3,
      size_bytes: stored.sizeBytes,
      format: check.format,
      file_name: fileName,
      trust_level: trustLevel,
      uploaded_by: actor.kind === 'account' ? actor.accountId : locked.filed_by,
      uploaded_at: now,
    });
    await audit(tx, actor, { action: 'case.material.upload', objectType: 'case', objectId: caseId, detail: { materialKey, sm3: stored.sm3, sizeBytes: stored.sizeBytes, format: check.format, trustLevel, purpose } });
    if (purpose === 'gap' && (await fulfilGap(tx, caseId, materialKey, now))) {
      await recordAction(tx, actor, { row: locked, action: 'fulfilGap', from: locked.status, to: locked.status, step: locked.current_step, detail: { materialKey, materialName: material.name }, at: now });
    }
  });
  return { id, materialKey, fileName, format: check.format, sizeBytes: stored.sizeBytes, sm3: stored.sm3, trustLevel };
}

/** Removes an uploaded file while the applicant may still change the application (draft or 补正). */
export async function deleteMaterial(ctx: CasesContext, { actor, caseId, materialId }: { actor: Actor; caseId: string; materialId: string }): Promise<void> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  assertApplicantSide(actor, row);
  const isEditable = row.status === 'draft' || (row.status === 'suspended' && row.suspend_kind === 'supplement');
  if (!isEditable) throw new AppError('CONFLICT', { detail: 'cases.uploadClosed' });
  await inTransaction(ctx.kernel.db, async (tx) => {
    const material = await findMaterial(tx, caseId, materialId);
    if (!material || !(await removeMaterial(tx, caseId, materialId))) throw new AppError('NOT_FOUND');
    await audit(tx, actor, { action: 'case.material.remove', objectType: 'case', objectId: caseId, detail: { materialKey: material.material_key, sm3: material.file_sm3 } });
  });
}

/** A material's file for the applicant or staff in scope; staff reads are audited (the file may show an ID card). */
export async function readMaterialFile(ctx: CasesContext, { actor, caseId, materialId }: { actor: Actor; caseId: string; materialId: string }): Promise<{ bytes: Buffer; mimeType: string; fileName: string }> {
  const row = await getCaseRow(ctx.kernel.db, caseId);
  const perspective = await perspectiveOf(ctx.kernel.db, actor, row);
  const material = await findMaterial(ctx.kernel.db, caseId, materialId);
  if (!material) throw new AppError('NOT_FOUND');
  const bytes = await ctx.files.get(material.file_sm3);
  if (!bytes) throw new AppError('NOT_FOUND');
  if (perspective === 'staff') {
    await inTransaction(ctx.kernel.db, (tx) => audit(tx, actor, { action: 'case.material.read', objectType: 'case', objectId: caseId, detail: { materialKey: material.material_key, sm3: material.file_sm3 } }));
  }
  return { bytes, mimeType: formatMimeTypes[material.format], fileName: material.file_name };
}

/** A display name only: no path, no control characters, the real extension. */
function sanitizeFileName(name: string, format: MaterialFormat): string {
  const base = Array.from(name.split(/[\\/]/).at(-1) ?? '')
    .filter((c) => (c.codePointAt(0) ?? 0) >= 0x20 && c !== '\u007f' && !'"<>|:*?'.includes(c))
    .join('')
    .trim();
  const stem = Array.from(base.replace(/\.[^.]*$/, '')).slice(0, 100).join('') || 'file';
  return `${stem}.${format}`;
}

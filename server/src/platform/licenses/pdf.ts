import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { toLocalDate } from '../../kernel/calendar';
import { AppError } from '../../kernel/errors';
import { fileStoreFor } from '../../kernel/files';
import { PdfBuilder, millimetres } from '../../kernel/pdf';
import { sealFor, signWithSeal, stampSeal, type Seal } from '../seals';
import { readerOf } from './access';
import { labelledFields } from './fields';
import { getLicenseRow, qrViewOf } from './reads';
import { findLicense, findType, setPdf, type LicenseRecord, type LicenseTypeRow } from './repo';
import { holderNumberOf } from './views';
import { effectiveStatus, todayInBeijing } from './workflow';

// The licence as a PDF: the printed form of the signed data, with the issuing department's 证照专用章, the QR code of
// the verification URL (payload after #) and the identifier. It is made once, when first asked for, stored by its
// SM3 and signed over its exact bytes (like decision letters), so POST /api/licenses/verify/pdf detects any change
// to the file; the same bytes are served ever after.

function dateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export async function renderLicensePdf(kernel: Kernel, row: LicenseRecord, type: LicenseTypeRow | undefined, seal: Pick<Seal, 'name' | 'kind'>): Promise<Buffer> {
  const pdf = new PdfBuilder({ title: `${row.type_name} ${row.identifier}`, subject: '电子证照', author: row.issuer_name, keywords: row.identifier });
  const qrSize = 34 * millimetres;
  const qrX = pdf.doc.page.width - pdf.doc.page.margins.right - qrSize;
  const qrY = pdf.doc.page.margins.top;
  pdf.qr(qrViewOf(kernel, row).url, { x: qrX, y: qrY, size: qrSize });
  pdf.textAt('扫码核验', { x: qrX, y: qrY + qrSize + 2, width: qrSize });
  pdf.doc.y = qrY + qrSize / 3;
  pdf.title(row.type_name);
  pdf.text('电子证照', { align: 'center', size: 12, gapAfter: 0.5 });
  pdf.doc.y = Math.max(pdf.doc.y, qrY + qrSize + 16);
  const validity = row.valid_to ? `${dateText(row.valid_from)} 至 ${dateText(row.valid_to)}` : `${dateText(row.valid_from)} 起长期有效`;
  pdf.fields([
    ['持证主体', row.holder_name],
    [row.holder_type === 'person' ? '身份证件号码' : '统一社会信用代码', holderNumberOf(kernel.keys, row)],
    ...labelledFields(type, row.fields).map((f) => [f.name, f.value] as const),
    ['有效期限', validity],
    ['发证机关', row.issuer_name],
    ['发证日期', dateText(toLocalDate(row.issued_at))],
    ...(row.original_number ? [['原证照编号', row.original_number] as const] : []),
  ]);
  pdf.rule();
  pdf.muted(`电子证照标识:${row.identifier}`);
  pdf.muted(`本证照由${row.issuer_name}以电子印章签发(SM2 数字签名,密钥标识 ${row.seal_key_id}),与纸质证照具有同等效力。`);
  pdf.muted(`扫描右上角二维码或访问 ${kernel.config.publicUrl.replace(/\/$/, '')}/verify/${row.id} 核验真伪与当前状态;任何改动都会使本文件核验失败。`);
  const sealY = pdf.doc.y + 30 * millimetres;
  pdf.gap(2).text(row.issuer_name, { align: 'right' }).text(dateText(toLocalDate(row.issued_at)), { align: 'right' });
  stampSeal(pdf, seal, { x: pdf.doc.page.width - pdf.doc.page.margins.right - 30 * millimetres, y: Math.min(sealY, pdf.doc.page.height - pdf.doc.page.margins.bottom - 22 * millimetres) });
  return pdf.finish();
}

/** The stored PDF, made, signed and stored on first request. Holders get no file for a revoked licence. */
export async function licensePdf(kernel: Kernel, { actor, id }: { actor: Actor; id: string }): Promise<{ bytes: Buffer; fileName: string }> {
  const row = await getLicenseRow(kernel, id);
  const reader = await readerOf(kernel.db, actor, row);
  if (reader.perspective === 'holder' && effectiveStatus(row, todayInBeijing()) === 'revoked') throw new AppError('CONFLICT', { detail: 'license.noPdfRevoked' });
  const fileName = `${row.type_name}-${row.identifier}.pdf`;
  const store = fileStoreFor(kernel.config);
  if (row.pdf_sm3) {
    const stored = await store.get(row.pdf_sm3);
    if (stored) return { bytes: stored, fileName };
  }
  const seal = await sealFor(kernel.db, row.issuer_department_id, 'licence').catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'CONFLICT') throw new AppError('CONFLICT', { detail: 'license.noSealForPdf' });
    throw error;
  });
  const bytes = await renderLicensePdf(kernel, row, await findType(kernel.db, row.type_id), seal);
  const { sm3 } = await store.put(bytes);
  const signed = await signWithSeal(kernel.db, kernel.keys, seal.id, bytes);
  const isStored = await inTransaction(kernel.db, async (tx) => {
    if (!(await setPdf(tx, id, { sm3, keyId: signed.keyId, signature: signed.signature }))) return false;
    await audit(tx, actor, { action: 'seal.use', objectType: 'seal', objectId: signed.sealId, detail: { keyId: signed.keyId, document: 'license-pdf', licenseId: id, identifier: row.identifier, sm3 } });
    return true;
  });
  if (isStored) return { bytes, fileName };
  // Another request made the file first: serve that one, so there is only ever one PDF of a licence.
  const winner = await findLicense(kernel.db, id);
  const stored = winner?.pdf_sm3 ? await store.get(winner.pdf_sm3) : undefined;
  if (!stored) throw new AppError('INTERNAL');
  return { bytes: stored, fileName };
}

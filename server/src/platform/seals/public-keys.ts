import { sealSignatureScheme, type SealPublicKeyList } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Row } from '../../kernel/db';
import { sm2PublicKeyToPem } from '../../kernel/crypto';
import { AppError } from '../../kernel/errors';
import { findDepartment } from '../departments';
import { listAllSealRows, findSealRow } from './repo';
import { sealSvg } from './image';

/**
 * Every seal's public key with its department, status and validity: what a verifier (another system, an app that
 * reads the licence QR code offline, a court) needs to check a signature without calling back. Revoked keys stay in
 * the list with when and why.
 */
export async function listPublicKeys(kernel: Kernel): Promise<SealPublicKeyList> {
  const rows = await listAllSealRows(kernel.db);
  const departments = new Map<string, Row<'departments'> | undefined>();
  for (const id of new Set(rows.map((r) => r.department_id))) departments.set(id, await findDepartment(kernel.db, id));
  const base = kernel.config.publicUrl.replace(/\/$/, '');
  return {
    ...sealSignatureScheme,
    generatedAt: new Date().toISOString(),
    keys: rows.map((row) => {
      const department = departments.get(row.department_id);
      return {
        keyId: row.key_id,
        sealId: row.id,
        name: row.name,
        kind: row.kind,
        departmentName: department?.name ?? '',
        creditCode: department?.credit_code ?? '',
        status: row.status,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        revokedAt: row.revoked_at?.toISOString() ?? null,
        revokedReason: row.revoked_reason,
        publicKeyHex: row.public_key_hex,
        publicKeyPem: sm2PublicKeyToPem(row.public_key_hex),
        imageUrl: `${base}/api/seals/${row.id}/image.svg`,
      };
    }),
  };
}

export async function sealImage(kernel: Kernel, id: string): Promise<string> {
  const row = await findSealRow(kernel.db, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'seal.notFound' });
  return sealSvg(row);
}

import type { Kernel } from '../../kernel/context';
import { maskIdNumber, maskName, maskPhone } from '../../kernel/masking';
import { reveal } from './personal-data';

// What other domains may learn about a person or an enterprise without unmasking: used by 一人一码/一企一码 scans.

/** What a scan may return about a holder, already in the masked forms the attributes name; no raw ID number. */
export type MaskedProfile =
  | { kind: 'person'; isActive: boolean; realNameLevel: number; name: string; maskedName: string; maskedIdNumber: string; maskedPhone: string | null }
  | { kind: 'enterprise'; isActive: boolean; name: string; creditCode: string };

/** A person's or an enterprise's facts in the masked forms other domains may show; undefined when unknown. */
export async function readMaskedProfile(kernel: Kernel, holder: { kind: 'person'; accountId: string } | { kind: 'enterprise'; enterpriseId: string }): Promise<MaskedProfile | undefined> {
  switch (holder.kind) {
    case 'person': {
      const row = await kernel.db
        .selectFrom('persons as p')
        .innerJoin('accounts as a', 'a.id', 'p.account_id')
        .select(['p.name', 'p.id_number_enc', 'p.phone_enc', 'a.status', 'a.real_name_level'])
        .where('p.account_id', '=', holder.accountId)
        .executeTakeFirst();
      if (!row) return undefined;
      // Decrypted in memory only to be masked: the full number never leaves this function.
      const idNumber = reveal(kernel.keys, 'idNumber', row.id_number_enc);
      const phone = row.phone_enc ? reveal(kernel.keys, 'phone', row.phone_enc) : null;
      return {
        kind: 'person',
        isActive: row.status === 'active',
        realNameLevel: row.real_name_level,
        name: row.name,
        maskedName: maskName(row.name),
        maskedIdNumber: maskIdNumber(idNumber),
        maskedPhone: phone ? maskPhone(phone) : null,
      };
    }
    case 'enterprise': {
      const row = await kernel.db
        .selectFrom('enterprises as e')
        .leftJoin('accounts as a', 'a.id', 'e.account_id')
        .select(['e.name', 'e.credit_code', 'a.status'])
        .where('e.id', '=', holder.enterpriseId)
        .executeTakeFirst();
      if (!row) return undefined;
      // An enterprise registered by the platform without a sign-in account of its own is in good standing.
      return { kind: 'enterprise', isActive: row.status !== 'disabled', name: row.name, creditCode: row.credit_code };
    }
  }
}


import type { DataSubLevelsInput, DataSubLevelsView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, invalid } from '../../kernel/errors';
import { assertBrowses } from './access';
import { subLevels } from './repo';
import { tables } from './tables';

// 分级细化: the sub-levels inside 核心/重要/一般 that items may carry, kept by the chief data officer. Items already
// graded keep their sub-level when the list changes; the next save or submission of their draft is checked again.

export async function listSubLevels(kernel: Kernel, { actor }: { actor: Actor }): Promise<DataSubLevelsView> {
  assertBrowses(actor);
  return { items: await subLevels(kernel.db) };
}

export async function replaceSubLevels(kernel: Kernel, { actor, input }: { actor: Actor; input: DataSubLevelsInput }): Promise<DataSubLevelsView> {
  requirePermission(actor, 'data-resource.review');
  if (actor.kind === 'account' && !actor.regionCode) throw new AppError('OUT_OF_SCOPE');
  const seen = new Set<string>();
  const duplicates = input.items.flatMap((s, i) => {
    const key = `${s.level}/${s.code}`;
    if (seen.has(key)) return [{ field: `items.${i}.code`, code: 'data.subLevelDuplicate' }];
    seen.add(key);
    return [];
  });
  if (duplicates.length > 0) throw invalid(duplicates);
  await inTransaction(kernel.db, async (tx) => {
    const before = await subLevels(tx);
    await tables(tx).deleteFrom('data_sub_levels').execute();
    if (input.items.length > 0) {
      await tables(tx)
        .insertInto('data_sub_levels')
        .values(input.items.map((s, i) => ({ level: s.level, code: s.code, name: s.name, description: s.description, sort: i + 1 })))
        .execute();
    }
    await audit(tx, actor, { action: 'data-sub-levels.replace', objectType: 'data-sub-levels', detail: { before, after: input.items } });
  });
  return listSubLevels(kernel, { actor });
}

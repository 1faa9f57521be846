import type { AggregateFilter, AggregateMeasureSpec, DataRecordValues } from '@zhengtong/contracts';
import { AppError } from '../../kernel/errors';
import type { Cell } from './suppression';

// Streams a resource's records once and counts them by group, in memory: the true counts and clamped sums of the groups
// asked for, and the sizes of the filter atoms behind each group (suppression.ts, rule 2). Nothing of a single record
// survives the loop. Fine for the demo's thousands of records; README.md says how it moves into SQL for millions.

/** More groups than this is a request for a list, not for statistics. */
export const MAX_GROUPS = 2000;

export type TallyPlan = {
  groupBy: readonly string[];
  filters: readonly AggregateFilter[];
  /** The measure fields summed (each once, whatever the functions asked), with their clamps. */
  measures: readonly AggregateMeasureSpec[];
};

export type GroupTally = Cell & {
  /** Per measure field: the sum of clamped, rounded values, and how many members had a value. */
  sums: Map<string, number>;
  valued: Map<string, number>;
};

export type Tally = { groups: GroupTally[]; atoms: Map<string, number[]> };

/** A dimension value as a group key: text as it is, numbers and yes/no as text, empty as null. */
export function dimensionValue(value: DataRecordValues[string] | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text === '' ? null : text;
}

/** A measure value as a whole number inside its clamp (sensitivity = max |bound|), or null when absent or not numeric. */
export function measureValue(value: DataRecordValues[string] | undefined, spec: Pick<AggregateMeasureSpec, 'clampMin' | 'clampMax'>): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return null;
  return Math.round(Math.min(spec.clampMax, Math.max(spec.clampMin, n)));
}

/** Which value of each filter a record matches (its index), or −1 when it fails that filter. */
function filterState(record: DataRecordValues, filter: AggregateFilter): number {
  const value = dimensionValue(record[filter.field]);
  if (value === null) return -1;
  return filter.op === 'eq' ? (filter.value === value ? 0 : -1) : filter.values.indexOf(value);
}

export async function tally(pages: AsyncIterable<DataRecordValues[]>, plan: TallyPlan): Promise<Tally> {
  const groups = new Map<string, GroupTally>();
  const atomCounts = new Map<string, Map<string, number>>();
  for await (const page of pages) {
    for (const record of page) {
      const key = plan.groupBy.map((d) => dimensionValue(record[d]));
      const id = JSON.stringify(key);
      const states = plan.filters.map((f) => filterState(record, f));
      if (states.length > 0) {
        // Every combination of filter outcomes is an atom; with no filters the group itself is the only one.
        const atoms = atomCounts.get(id) ?? new Map<string, number>();
        const atom = states.join(',');
        atoms.set(atom, (atoms.get(atom) ?? 0) + 1);
        atomCounts.set(id, atoms);
        if (atomCounts.size > MAX_GROUPS * 4) throw new AppError('VALIDATION_FAILED', { detail: 'aggregate.tooManyGroups', params: { max: MAX_GROUPS } });
      }
      if (states.some((s) => s < 0)) continue;
      let group = groups.get(id);
      if (!group) {
        if (groups.size >= MAX_GROUPS) throw new AppError('VALIDATION_FAILED', { detail: 'aggregate.tooManyGroups', params: { max: MAX_GROUPS } });
        group = { id, key, count: 0, sums: new Map(), valued: new Map() };
        groups.set(id, group);
      }
      group.count += 1;
      for (const spec of plan.measures) {
        const v = measureValue(record[spec.field], spec);
        if (v === null) continue;
        group.sums.set(spec.field, (group.sums.get(spec.field) ?? 0) + v);
        group.valued.set(spec.field, (group.valued.get(spec.field) ?? 0) + 1);
      }
    }
  }
  const atoms = new Map<string, number[]>();
  for (const [id, counts] of atomCounts) if (groups.has(id)) atoms.set(id, [...counts.values()]);
  return { groups: [...groups.values()], atoms };
}

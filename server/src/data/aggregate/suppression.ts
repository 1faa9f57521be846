// Which groups of an answer are withheld. Three rules, so that no group of fewer than k people can be read off one
// answer, nor trivially by subtracting it from another (statistical disclosure control: primary and complementary
// cell suppression; Hundepool et al., "Statistical Disclosure Control", 2012, ch. 4–5):
//
// 1. Primary: a group with fewer than k members is withheld.
// 2. Filters: a group is withheld when some "atom" behind it — the records of the same group that fail some of the
//    filters, or that match an `in` filter through one particular value — has 1 … k−1 members. Otherwise asking again
//    without that filter (or without that value) and subtracting would reveal the atom: count(town=A) −
//    count(town=A, gender=男) is the women of A.
// 3. Complementary: for every coarser grouping (any group-by field left out, down to the grand total), the withheld
//    members inside each coarser group number 0 or at least k; else the smallest shown groups beside them are
//    withheld too. Otherwise a coarser answer minus the shown groups gives the withheld group's size.
//
// Thresholds alone cannot stop every chain of differencing queries (Denning's trackers, 1979); the noise and the
// privacy budget bound what any sequence of queries can learn. These rules stop the trivial ones.

export type Cell = {
  /** A stable identity of the group (its key, serialised). */
  id: string;
  /** The group's values of the group-by fields. */
  key: readonly (string | null)[];
  count: number;
};

export type SuppressionInput = {
  cells: readonly Cell[];
  /** For each cell id, the sizes of the atoms behind it (rule 2); cells without atoms may be absent. */
  atoms: ReadonlyMap<string, readonly number[]>;
  k: number;
};

const isSmall = (n: number, k: number) => n > 0 && n < k;

/** Every proper subset of the positions 0 … n−1 (the coarser groupings), from the grand total up. */
function coarserGroupings(n: number): number[][] {
  const subsets: number[][] = [];
  for (let mask = 0; mask < (1 << n) - 1; mask += 1) subsets.push([...Array(n).keys()].filter((i) => (mask & (1 << i)) !== 0));
  return subsets;
}

const byCountThenId = (a: Cell, b: Cell) => a.count - b.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The ids of the cells to withhold. */
export function suppressedCells({ cells, atoms, k }: SuppressionInput): Set<string> {
  const suppressed = new Set<string>();
  for (const cell of cells) {
    if (cell.count < k || (atoms.get(cell.id) ?? []).some((n) => isSmall(n, k))) suppressed.add(cell.id);
  }
  if (suppressed.size === 0) return suppressed;

  // The coarser groups do not change as cells are withheld: build them once, then sweep until nothing more moves.
  const width = cells[0]?.key.length ?? 0;
  const coarseGroups: Cell[][] = [];
  for (const positions of coarserGroupings(width)) {
    const coarse = new Map<string, Cell[]>();
    for (const cell of cells) {
      const id = JSON.stringify(positions.map((p) => cell.key[p] ?? null));
      const members = coarse.get(id);
      if (members) members.push(cell);
      else coarse.set(id, [cell]);
    }
    for (const members of coarse.values()) coarseGroups.push(members.sort(byCountThenId));
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const members of coarseGroups) {
      const hidden = members.reduce((sum, c) => sum + (suppressed.has(c.id) ? c.count : 0), 0);
      if (!isSmall(hidden, k)) continue;
      const next = members.find((c) => !suppressed.has(c.id));
      if (!next) continue;
      suppressed.add(next.id);
      changed = true;
    }
  }
  return suppressed;
}

import { describe, expect, it } from 'vitest';
import { suppressedCells, type Cell } from './suppression';

const cell = (count: number, ...key: string[]): Cell => ({ id: JSON.stringify(key), key, count });
const ids = (set: Set<string>) => [...set].map((id) => JSON.parse(id) as string[]).sort();
const none = new Map<string, number[]>();

describe('suppression', () => {
  it('withholds groups under k and shows groups of k', () => {
    const cells = [cell(10, 'A'), cell(9, 'B'), cell(4, 'C'), cell(30, 'D')];
    expect(ids(suppressedCells({ cells, atoms: none, k: 10 }))).toEqual([['B'], ['C']]);
  });

  it('withholds the smallest shown group too when the withheld ones add up to fewer than k (the total would give them away)', () => {
    const cells = [cell(10, 'A'), cell(9, 'B'), cell(30, 'D')];
    expect(ids(suppressedCells({ cells, atoms: none, k: 10 }))).toEqual([['A'], ['B']]);
  });

  it('complements along every coarser grouping of a two-way table', () => {
    // town × gender: (A, 女) has 3. Its row (town A) and its column (女) each need a second withheld group.
    const cells = [cell(40, 'A', '男'), cell(3, 'A', '女'), cell(25, 'B', '男'), cell(20, 'B', '女'), cell(50, 'C', '男'), cell(60, 'C', '女')];
    const withheld = ids(suppressedCells({ cells, atoms: none, k: 10 }));
    expect(withheld).toContainEqual(['A', '女']);
    expect(withheld).toContainEqual(['A', '男']);
    expect(withheld).toContainEqual(['B', '女']);
    // Whatever is withheld in any row, column or the whole table adds up to 0 or at least k.
    const hiddenIn = (match: (c: Cell) => boolean) => cells.filter((c) => match(c) && withheld.some((w) => JSON.stringify(w) === c.id)).reduce((s, c) => s + c.count, 0);
    const isSafe = (hidden: number) => hidden === 0 || hidden >= 10;
    for (const town of ['A', 'B', 'C']) expect(isSafe(hiddenIn((c) => c.key[0] === town))).toBe(true);
    for (const gender of ['男', '女']) expect(isSafe(hiddenIn((c) => c.key[1] === gender))).toBe(true);
    expect(isSafe(hiddenIn(() => true))).toBe(true);
  });

  it('withholds a group whose filter atoms include a small one', () => {
    const cells = [cell(40, 'A'), cell(50, 'B')];
    // A: the records of A failing the filter number 3 (asking without the filter would give them away); B: 0 or ≥ k.
    const atoms = new Map([
      [JSON.stringify(['A']), [40, 3]],
      [JSON.stringify(['B']), [50, 12]],
    ]);
    expect(ids(suppressedCells({ cells, atoms, k: 10 }))).toEqual([['A']]);
    const bigAtoms = new Map([[JSON.stringify(['A']), [40, 11]]]);
    expect(ids(suppressedCells({ cells, atoms: bigAtoms, k: 10 }))).toEqual([]);
  });

  it('leaves an answer without groups alone when its one cell is large enough', () => {
    expect(suppressedCells({ cells: [cell(12)], atoms: none, k: 10 }).size).toBe(0);
    expect(suppressedCells({ cells: [cell(9)], atoms: none, k: 10 }).size).toBe(1);
  });
});

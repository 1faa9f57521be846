import { describe, expect, it } from 'vitest';
import { buildTree } from './tree';

type Item = { id: string; parentId: string | null };
const build = (items: Item[]) => buildTree(items, (i) => i.id, (i) => i.parentId);

describe('buildTree', () => {
  it('nests children under their parents, keeping order', () => {
    const tree = build([
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'a' },
      { id: 'd', parentId: 'b' },
    ]);
    expect(tree.map((n) => n.item.id)).toEqual(['a']);
    expect(tree[0]?.children.map((n) => n.item.id)).toEqual(['b', 'c']);
    expect(tree[0]?.children[0]?.children.map((n) => n.item.id)).toEqual(['d']);
  });

  it('makes an item whose parent is outside the list a root (a list scoped to one region)', () => {
    expect(build([{ id: 'x', parentId: 'elsewhere' }, { id: 'y', parentId: 'x' }]).map((n) => n.item.id)).toEqual(['x']);
  });

  it('does not loop on an item that names itself as parent', () => {
    expect(build([{ id: 'z', parentId: 'z' }]).map((n) => n.item.id)).toEqual(['z']);
  });
});

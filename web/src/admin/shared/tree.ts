export type TreeNode<T> = { item: T; children: TreeNode<T>[] };

/**
 * Nests a flat list by parent id. Items whose parent is not in the list become roots, so a list scoped to one
 * region still shows every department it holds.
 */
export function buildTree<T>(items: readonly T[], idOf: (item: T) => string, parentOf: (item: T) => string | null): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) nodes.set(idOf(item), { item, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(idOf(item));
    if (!node) continue;
    const parentId = parentOf(item);
    const parent = parentId === null || parentId === idOf(item) ? undefined : nodes.get(parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

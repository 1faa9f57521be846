import { regionContains } from '../../kernel/authz';

/** What the department tree rules look at. */
export type OrgNode = { id: string; parentId: string | null; regionCode: string; isActive: boolean };

export type HierarchyIssue = {
  field: 'parentId' | 'regionCode' | 'isActive';
  code: 'department.parentNotFound' | 'department.parentCycle' | 'department.parentRegion' | 'department.parentInactive' | 'department.childrenOutsideRegion' | 'department.hasActiveChildren';
};

/** A set of departments as they would be after a change, indexed by parent, to check the tree rules. */
export class OrgGraph {
  private readonly nodes = new Map<string, OrgNode>();
  private readonly children = new Map<string, Set<string>>();

  constructor(nodes: Iterable<OrgNode> = []) {
    for (const node of nodes) this.set(node);
  }

  set(node: OrgNode): void {
    const before = this.nodes.get(node.id);
    if (before?.parentId) this.children.get(before.parentId)?.delete(node.id);
    this.nodes.set(node.id, node);
    if (node.parentId) {
      const siblings = this.children.get(node.parentId) ?? new Set<string>();
      siblings.add(node.id);
      this.children.set(node.parentId, siblings);
    }
  }

  get(id: string): OrgNode | undefined {
    return this.nodes.get(id);
  }

  childrenOf(id: string): OrgNode[] {
    return [...(this.children.get(id) ?? [])].flatMap((childId) => this.nodes.get(childId) ?? []);
  }

  /**
   * The rules one department must meet within the graph: its parent exists, is not itself or below it, serves
   * a region containing its own (a county branch under a city bureau, never the reverse), and is active when it
   * is; its children stay inside its region, and it is not deactivated while a child is active.
   */
  issuesOf(id: string): HierarchyIssue[] {
    const node = this.nodes.get(id);
    if (!node) return [];
    const issues: HierarchyIssue[] = [];
    if (node.parentId) {
      const parent = this.nodes.get(node.parentId);
      if (!parent) issues.push({ field: 'parentId', code: 'department.parentNotFound' });
      else if (this.isBelowItself(node)) issues.push({ field: 'parentId', code: 'department.parentCycle' });
      else {
        if (!regionContains(parent.regionCode, node.regionCode)) issues.push({ field: 'parentId', code: 'department.parentRegion' });
        if (node.isActive && !parent.isActive) issues.push({ field: 'parentId', code: 'department.parentInactive' });
      }
    }
    const children = this.childrenOf(id).filter((c) => c.id !== id);
    if (children.some((c) => !regionContains(node.regionCode, c.regionCode))) issues.push({ field: 'regionCode', code: 'department.childrenOutsideRegion' });
    if (!node.isActive && children.some((c) => c.isActive)) issues.push({ field: 'isActive', code: 'department.hasActiveChildren' });
    return issues;
  }

  private isBelowItself(node: OrgNode): boolean {
    const seen = new Set<string>();
    let current: OrgNode | undefined = node;
    while (current?.parentId) {
      if (current.parentId === node.id || seen.has(current.parentId)) return true;
      seen.add(current.parentId);
      current = this.nodes.get(current.parentId);
    }
    return false;
  }
}

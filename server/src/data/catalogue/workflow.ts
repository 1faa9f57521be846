import type { DataResourceAction, DataResourceStatus } from '@zhengtong/contracts';

// The life of a catalogue entry (pure: the services ask here before they write). A resource has at most one open
// version (draft or review); a published resource keeps serving its published version while a new one is drafted
// and reviewed. Saving with no open version starts a new draft from the newest version.

export type ResourceState = {
  status: DataResourceStatus;
  /** The open version's status, if any. */
  open: 'draft' | 'review' | null;
  publishedVersion: number | null;
};

/** Why an action is not possible now (a message key under data.state.*), or null when it is. */
export type Refusal = 'noDraft' | 'noReview' | 'inReview' | 'retired' | 'notPublished';

export type WorkflowAction = Extract<DataResourceAction, 'edit' | 'submit' | 'publish' | 'return' | 'retire' | 'loadRecords'>;

export function refusalOf(state: ResourceState, action: WorkflowAction): Refusal | null {
  if (state.status === 'retired') return 'retired';
  switch (action) {
    case 'edit':
      return state.open === 'review' ? 'inReview' : null;
    case 'submit':
      if (state.open === 'draft') return null;
      return state.open === 'review' ? 'inReview' : 'noDraft';
    case 'publish':
    case 'return':
      return state.open === 'review' ? null : 'noReview';
    case 'retire':
      return null;
    case 'loadRecords':
      return state.publishedVersion === null ? 'notPublished' : null;
  }
}

/** The resource's status after an action that succeeded. */
export function statusAfter(state: ResourceState, action: Exclude<WorkflowAction, 'loadRecords'>): DataResourceStatus {
  switch (action) {
    case 'edit':
      return state.status;
    case 'submit':
      return state.publishedVersion === null ? 'review' : state.status;
    case 'publish':
      return 'published';
    case 'return':
      return state.publishedVersion === null ? 'draft' : state.status;
    case 'retire':
      return 'retired';
  }
}

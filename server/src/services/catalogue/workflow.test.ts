import { describe, expect, it } from 'vitest';
import { itemVersionActions, itemVersionStatuses, type ItemVersionAction, type ItemVersionStatus } from '@zhengtong/contracts';
import { actionAuthority, allowedActions, decide, nextStatus, type VersionActor } from './workflow';

const editor: VersionActor = { isEditor: true, isReviewer: false, isPlatform: false, accountId: 'editor' };
const reviewer: VersionActor = { isEditor: false, isReviewer: true, isPlatform: false, accountId: 'reviewer' };
const admin: VersionActor = { isEditor: true, isReviewer: true, isPlatform: false, accountId: 'admin' };
const outsider: VersionActor = { isEditor: false, isReviewer: false, isPlatform: false, accountId: 'outsider' };
const platform: VersionActor = { isEditor: false, isReviewer: false, isPlatform: true, accountId: null };

describe('version transitions', () => {
  // The whole table: every status × every action, so a new status or action cannot slip through unnoticed.
  const expected: Record<ItemVersionAction, Partial<Record<ItemVersionStatus | 'none', ItemVersionStatus | 'deleted'>>> = {
    create: { none: 'draft' },
    edit: { draft: 'draft' },
    submit: { draft: 'review' },
    withdraw: { review: 'draft' },
    reject: { review: 'draft' },
    approve: { review: 'published' },
    discard: { draft: 'deleted' },
    retire: { published: 'retired' },
    supersede: { published: 'retired' },
  };
  for (const action of itemVersionActions) {
    for (const status of [null, ...itemVersionStatuses]) {
      const want = expected[action][status ?? 'none'];
      it(`${action} from ${status ?? '(nothing)'} → ${want ?? 'refused'}`, () => {
        expect(nextStatus(status, action)).toBe(want);
      });
    }
  }

  it('published and retired versions can never be edited, submitted or discarded', () => {
    for (const status of ['published', 'retired'] as const) {
      for (const action of ['edit', 'submit', 'discard', 'approve', 'reject', 'withdraw'] as const) expect(nextStatus(status, action)).toBeUndefined();
    }
  });
});

describe('who may act', () => {
  it('editors prepare, reviewers publish, the platform supersedes', () => {
    expect(actionAuthority.create).toBe('editor');
    expect(actionAuthority.submit).toBe('editor');
    expect(actionAuthority.approve).toBe('reviewer');
    expect(actionAuthority.retire).toBe('reviewer');
    expect(actionAuthority.supersede).toBe('platform');
  });

  it('an editor submits but cannot approve; a reviewer approves but cannot edit', () => {
    expect(decide({ status: 'draft', submittedBy: null }, 'submit', editor)).toEqual({ ok: true, to: 'review' });
    expect(decide({ status: 'review', submittedBy: 'someone' }, 'approve', editor)).toEqual({ ok: false, reason: 'forbidden' });
    expect(decide({ status: 'review', submittedBy: 'someone' }, 'approve', reviewer)).toEqual({ ok: true, to: 'published' });
    expect(decide({ status: 'draft', submittedBy: null }, 'edit', reviewer)).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('four eyes: nobody approves their own submission, though they may send it back', () => {
    expect(decide({ status: 'review', submittedBy: 'admin' }, 'approve', admin)).toEqual({ ok: false, reason: 'ownSubmission' });
    expect(decide({ status: 'review', submittedBy: 'admin' }, 'reject', admin)).toEqual({ ok: true, to: 'draft' });
    expect(decide({ status: 'review', submittedBy: 'admin' }, 'withdraw', admin)).toEqual({ ok: true, to: 'draft' });
    expect(decide({ status: 'review', submittedBy: null }, 'approve', platform)).toEqual({ ok: true, to: 'published' });
  });

  it('an outsider may do nothing; a wrong status is told apart from a missing right', () => {
    for (const action of itemVersionActions) expect(decide({ status: 'draft', submittedBy: null }, action, outsider).ok).toBe(false);
    expect(decide({ status: 'published', submittedBy: null }, 'edit', editor)).toEqual({ ok: false, reason: 'transition' });
    expect(decide({ status: 'published', submittedBy: null }, 'supersede', admin)).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('offers the buttons the actor may press now', () => {
    expect(allowedActions({ status: 'draft', submittedBy: null }, editor)).toEqual(['edit', 'submit', 'discard']);
    expect(allowedActions({ status: 'review', submittedBy: 'editor' }, editor)).toEqual(['withdraw']);
    expect(allowedActions({ status: 'review', submittedBy: 'editor' }, reviewer)).toEqual(['approve', 'reject']);
    expect(allowedActions({ status: 'review', submittedBy: 'admin' }, admin)).toEqual(['withdraw', 'reject']);
    expect(allowedActions({ status: 'published', submittedBy: 'editor' }, reviewer)).toEqual(['retire']);
    expect(allowedActions({ status: 'retired', submittedBy: 'editor' }, admin)).toEqual([]);
  });
});

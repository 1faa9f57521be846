import { describe, expect, it } from 'vitest';
import { shareRequestActions, shareRequestStatuses } from '@zhengtong/contracts';
import { actionRoles, isOverdue, nextStatus, partyToAct, runningDeadline } from './workflow';

describe('share request workflow', () => {
  it('unconditional requests end with the platform; conditional ones go on to the provider', () => {
    expect(nextStatus('submit', null, { isConditional: false })).toBe('platformReview');
    expect(nextStatus('platformApprove', 'platformReview', { isConditional: false })).toBe('approved');
    expect(nextStatus('platformApprove', 'platformReview', { isConditional: true })).toBe('providerReview');
    expect(nextStatus('providerApprove', 'providerReview', { isConditional: true })).toBe('approved');
    expect(nextStatus('platformRefuse', 'platformReview', { isConditional: true })).toBe('refused');
    expect(nextStatus('providerRefuse', 'providerReview', { isConditional: true })).toBe('refused');
  });

  it('allows each action only where the table says, and closed requests take none', () => {
    const allowed: string[] = [];
    for (const action of shareRequestActions) {
      for (const status of [null, ...shareRequestStatuses]) {
        if (nextStatus(action, status, { isConditional: true })) allowed.push(`${action}@${status}`);
      }
    }
    expect(allowed.sort()).toEqual(
      ['submit@null', 'platformApprove@platformReview', 'platformRefuse@platformReview', 'providerApprove@providerReview', 'providerRefuse@providerReview', 'withdraw@platformReview', 'withdraw@providerReview'].sort(),
    );
  });

  it('names the party and permission of every action', () => {
    expect(actionRoles.platformApprove).toEqual({ party: 'platform', permission: 'share-request.review' });
    expect(actionRoles.providerRefuse).toEqual({ party: 'provider', permission: 'share-request.answer' });
    expect(actionRoles.withdraw).toEqual({ party: 'consumer', permission: 'share-request.create' });
  });

  it('runs the deadline of the party to act, and only while open', () => {
    const platform = new Date('2026-03-03T15:59:59.999Z');
    const provider = new Date('2026-03-10T15:59:59.999Z');
    expect(partyToAct('providerReview')).toBe('provider');
    expect(runningDeadline({ status: 'platformReview', platform_due_at: platform, provider_due_at: null })).toBe(platform);
    expect(runningDeadline({ status: 'providerReview', platform_due_at: platform, provider_due_at: provider })).toBe(provider);
    expect(runningDeadline({ status: 'approved', platform_due_at: platform, provider_due_at: provider })).toBeNull();
    expect(isOverdue(platform, new Date('2026-03-04T00:00:00Z'))).toBe(true);
    expect(isOverdue(null, new Date())).toBe(false);
  });
});

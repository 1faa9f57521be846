import { describe, expect, it } from 'vitest';
import { leaseBlock, RateLimiter } from './limits';

describe('exchange limits', () => {
  it('allows a second’s worth of calls at once, then refills at the rate', () => {
    const limiter = new RateLimiter();
    const at = (ms: number) => limiter.take('g', 2, ms);
    expect([at(0), at(1), at(2)]).toEqual([true, true, false]);
    expect(at(400)).toBe(false);
    expect(at(600)).toBe(true);
    expect(limiter.take('other', 1, 0)).toBe(true);
  });

  it('leases a twentieth of the quota, at most 1,000 records, never less than a call needs', () => {
    expect(leaseBlock(100_000, 1)).toBe(1000);
    expect(leaseBlock(1000, 1)).toBe(50);
    expect(leaseBlock(10, 3)).toBe(3);
    expect(leaseBlock(5, 1)).toBe(1);
  });
});

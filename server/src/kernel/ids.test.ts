import { describe, it, expect } from 'vitest';
import { newId } from './ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function millisOf(id: string): number {
  return parseInt(id.replaceAll('-', '').slice(0, 12), 16);
}

describe('newId', () => {
  it('returns a UUIDv7 carrying the current time', () => {
    const before = Date.now();
    const id = newId();
    expect(id).toMatch(UUID_V7);
    expect(millisOf(id)).toBeGreaterThanOrEqual(before);
    expect(millisOf(id)).toBeLessThanOrEqual(Date.now());
  });

  it('sorts by creation time, also within one millisecond', async () => {
    const first = newId();
    await new Promise((resolve) => setTimeout(resolve, 2));
    const later = newId();
    expect(first < later).toBe(true);

    const burst = Array.from({ length: 1000 }, () => newId());
    expect([...burst].sort()).toEqual(burst);
    expect(new Set(burst).size).toBe(burst.length);
  });
});

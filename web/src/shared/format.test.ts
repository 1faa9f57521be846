import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeSeconds } from './format';

describe('dates on screen', () => {
  it('are Beijing time whatever the browser’s time zone (22:13 UTC is the next morning in Beijing)', () => {
    expect(formatDateTime('2026-11-23T22:13:05Z')).toBe('2026-11-24 06:13');
    expect(formatDateTimeSeconds('2026-11-23T22:13:05Z')).toBe('2026-11-24 06:13:05');
    expect(formatDate('2026-11-23T16:00:00Z')).toBe('2026-11-24');
    expect(formatDate(null)).toBe('');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { discreteLaplaceVariance } from '@zhengtong/contracts';
import { bernoulliExp, discreteLaplace, geometric, noiseRatio } from './noise';

// Sanity of the sampler's distribution over a fixed number of draws, with bounds several standard errors wide: a
// correct sampler fails them with negligible probability, a wrong one (a bias, a one-sided tail, the wrong scale)
// fails them at once.

afterEach(() => {
  vi.restoreAllMocks();
});

function draws(n: number, draw: () => number): number[] {
  return Array.from({ length: n }, draw);
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
}

describe('discrete Laplace noise', () => {
  it('draws Bernoulli(e^−γ) with the right frequency', () => {
    const n = 20_000;
    const hits = draws(n, () => (bernoulliExp(1, 2) ? 1 : 0)).reduce((a, b) => a + b, 0);
    const p = Math.exp(-0.5);
    expect(Math.abs(hits / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });

  it('draws geometric variables with mean α/(1 − α)', () => {
    const n = 20_000;
    const alpha = Math.exp(-1 / 3);
    const xs = draws(n, () => geometric(1, 3));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    const expected = alpha / (1 - alpha);
    const sd = Math.sqrt(alpha) / (1 - alpha);
    expect(Math.abs(mean(xs) - expected)).toBeLessThan((6 * sd) / Math.sqrt(n));
  });

  it('is centred, symmetric and as spread as theory says (ε = 1, Δ = 1)', () => {
    const n = 20_000;
    const xs = draws(n, () => discreteLaplace(1000, 1, 1));
    const alpha = Math.exp(-1);
    const theory = discreteLaplaceVariance(1, 1); // 2α/(1 − α)² ≈ 1.84
    expect(xs.every(Number.isInteger)).toBe(true);
    expect(Math.abs(mean(xs))).toBeLessThan(6 * Math.sqrt(theory / n));
    // P(X > 0) = P(X < 0) = α/(1 + α); P(X = 0) = (1 − α)/(1 + α).
    const positive = xs.filter((x) => x > 0).length;
    const negative = xs.filter((x) => x < 0).length;
    const zero = xs.filter((x) => x === 0).length;
    const pSide = alpha / (1 + alpha);
    const sideSd = Math.sqrt(n * pSide * (1 - pSide));
    expect(Math.abs(positive - negative)).toBeLessThan(6 * Math.SQRT2 * sideSd);
    expect(Math.abs(zero / n - (1 - alpha) / (1 + alpha))).toBeLessThan(0.02);
    expect(Math.abs(xs.filter((x) => x === 1).length - xs.filter((x) => x === -1).length)).toBeLessThan(6 * Math.sqrt(2 * n * pSide * (1 - alpha)));
    expect(variance(xs) / theory).toBeGreaterThan(0.9);
    expect(variance(xs) / theory).toBeLessThan(1.1);
  });

  it('scales with the sensitivity and the share of ε (ε = 0.5 over 2 statistics, Δ = 100)', () => {
    const n = 5_000;
    const xs = draws(n, () => discreteLaplace(500, 2, 100));
    const theory = discreteLaplaceVariance(0.25, 100); // α = e^(−1/400): standard deviation ≈ 566
    expect(Math.abs(mean(xs))).toBeLessThan(6 * Math.sqrt(theory / n));
    expect(variance(xs) / theory).toBeGreaterThan(0.85);
    expect(variance(xs) / theory).toBeLessThan(1.15);
    const median = [...xs.map(Math.abs)].sort((a, b) => a - b)[Math.floor(n / 2)] ?? 0;
    // For the Laplace distribution the median of |X| is b·ln 2 with b = Δ/ε = 400.
    expect(median).toBeGreaterThan(400 * Math.LN2 * 0.85);
    expect(median).toBeLessThan(400 * Math.LN2 * 1.15);
  });

  it('uses exact fractions and the operating system’s CSPRNG, never Math.random', () => {
    const random = vi.spyOn(Math, 'random');
    draws(1000, () => discreteLaplace(1234, 3, 7));
    expect(random).not.toHaveBeenCalled();
    expect(noiseRatio(1000, 1, 1)).toEqual({ s: 1, t: 1 });
    expect(noiseRatio(500, 2, 100)).toEqual({ s: 1, t: 400 });
    expect(noiseRatio(1234, 3, 7)).toEqual({ s: 617, t: 10_500 });
    expect(() => noiseRatio(0, 1, 1)).toThrow(RangeError);
    expect(() => noiseRatio(1000, 1, 0.5)).toThrow(RangeError);
  });
});

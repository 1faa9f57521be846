import { randomInt } from 'node:crypto';

// Discrete Laplace noise (the two-sided geometric mechanism, Ghosh–Roughgarden–Sundararajan 2009): X = G₁ − G₂ with
// G₁, G₂ independent geometric variables of success probability p = 1 − e^(−ε/Δ), so P(X = x) ∝ e^(−ε|x|/Δ) — ε-
// differential privacy for an integer statistic of sensitivity Δ.
//
// Sampled exactly, after Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020,
// algorithms 1 and 2): only integer arithmetic on exact fractions and uniform integers from the operating system's
// CSPRNG (crypto.randomInt). No floating-point logarithm, whose rounding leaks the true value (Mironov, CCS 2012), and
// never Math.random, which is predictable.

/** crypto.randomInt's bound: ranges up to 2^48. */
const MAX_RANGE = 2 ** 48 - 1;

function bernoulliFraction(numerator: number, denominator: number): boolean {
  if (denominator > MAX_RANGE) throw new RangeError('noise: fraction too fine for an exact draw');
  return randomInt(denominator) < numerator;
}

/** Bernoulli(e^(−n/d)) for 0 ≤ n ≤ d (CKS algorithm 1: K odd where K counts Bernoulli(γ/K) successes plus one). */
export function bernoulliExp(numerator: number, denominator: number): boolean {
  if (numerator < 0 || numerator > denominator) throw new RangeError('noise: bernoulliExp needs 0 ≤ n/d ≤ 1');
  let k = 1;
  while (bernoulliFraction(numerator, denominator * k)) k += 1;
  return k % 2 === 1;
}

/**
 * A geometric variable: the failures before the first success, with P(Y = y) = (1 − α)·α^y and α = e^(−s/t) for
 * positive integers s, t. X = U + t·V is geometric with ratio e^(−1/t) (U uniform on 0…t−1 kept with probability
 * e^(−U/t), V geometric with ratio e^(−1)); ⌊X/s⌋ is then geometric with ratio e^(−s/t).
 */
export function geometric(s: number, t: number): number {
  if (!Number.isSafeInteger(s) || !Number.isSafeInteger(t) || s < 1 || t < 1 || t > MAX_RANGE) throw new RangeError('noise: geometric needs whole s, t ≥ 1');
  for (;;) {
    const u = randomInt(t);
    if (!bernoulliExp(u, t)) continue;
    let v = 0;
    while (bernoulliExp(1, 1)) v += 1;
    return Math.floor((u + t * v) / s);
  }
}

/** Two-sided geometric noise with α = e^(−s/t): the difference of two independent geometric variables. */
export function twoSidedGeometric(s: number, t: number): number {
  return geometric(s, t) - geometric(s, t);
}

function gcd(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * The ratio ε/Δ as an exact fraction s/t: ε in thousandths (ε has three decimals), shared evenly by `shares` noisy
 * statistics of one query (sequential composition), for a statistic of sensitivity Δ (a whole number).
 */
export function noiseRatio(epsilonThousandths: number, shares: number, sensitivity: number): { s: number; t: number } {
  if (!Number.isSafeInteger(epsilonThousandths) || epsilonThousandths < 1) throw new RangeError('noise: ε must be a positive number of thousandths');
  if (!Number.isSafeInteger(shares) || shares < 1 || !Number.isSafeInteger(sensitivity) || sensitivity < 1) throw new RangeError('noise: shares and sensitivity are whole numbers ≥ 1');
  const s = epsilonThousandths;
  const t = 1000 * shares * sensitivity;
  const d = gcd(s, t);
  return { s: s / d, t: t / d };
}

/** Discrete Laplace noise for a statistic of sensitivity Δ under a share of ε (see noiseRatio). */
export function discreteLaplace(epsilonThousandths: number, shares: number, sensitivity: number): number {
  const { s, t } = noiseRatio(epsilonThousandths, shares, sensitivity);
  return twoSidedGeometric(s, t);
}

import autocannon from 'autocannon';
import type { Request } from './scenarios/types';

export type Result = {
  requestsPerSecond: number;
  /** 2xx responses, the latency samples. */
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors and timeouts (autocannon counts a request still open when the run ends as a timeout). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Count by HTTP status of the answers that were not 2xx. */
  statuses: Record<string, number>;
  /** CPU milliseconds per 2xx response: the app process, and the database backends (null for an external database). */
  cpu?: { app: number; db: number | null };
};

/**
 * Nearest-rank percentile of the sorted samples. autocannon 9 reports p50, p90, p97.5 and p99 but no p95, so
 * every 2xx response time (ms, from its hrtime) is kept and ranked here.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return Math.round((sorted[rank - 1] ?? 0) * 10) / 10;
}

/** Loads one target with autocannon for `duration` seconds over `connections` connections, each sending as soon as it is answered. */
export function measure(url: string, request: Request, options: { connections: number; duration: number }): Promise<Result> {
  const samples: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: `${url}${request.path}`, method: request.method, headers: request.headers, body: request.body, requests: request.requests, ...options },
      (error, result) => {
        if (error) return reject(error);
        samples.sort((a, b) => a - b);
        resolve({
          requestsPerSecond: Math.round(result.requests.average),
          requests: samples.length,
          p50: percentile(samples, 50),
          p95: percentile(samples, 95),
          p99: percentile(samples, 99),
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, s]) => [code, s.count ?? 0])),
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
  });
}

/**
 * An even arrival rate (open loop): a request every 1000/rate ms whether or not earlier ones were answered, each
 * timed from the moment it was due, so a slow server cannot hide its queue. autocannon's own rate limit is a
 * per-second quota that sends in bursts at the start of every second, which measures burst queueing instead.
 */
export async function measurePaced(url: string, request: Request, options: { rate: number; duration: number }): Promise<Result> {
  if (request.requests) throw new Error('measurePaced sends one fixed request; the scenario needs autocannon');
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.duration);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      fetch(`${url}${request.path}`, { method: request.method, headers: request.headers as Record<string, string>, body: request.body as string | undefined })
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.ok) samples.push(performance.now() - due);
          else statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        })
        .catch(() => {
          errors += 1;
        }),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  const non2xx = Object.values(statuses).reduce((a, b) => a + b, 0);
  return { requestsPerSecond: Math.round(samples.length / seconds), requests: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), errors, timeouts: 0, non2xx, statuses };
}

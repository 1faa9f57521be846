import type autocannon from 'autocannon';

export type Target = { url: string };
export type ScenarioContext = { zhengtong: Target; baseline: Target; password: string; /** The benchmark's PostgreSQL, for scenarios that sample ids. */ databaseUrl: string };
export type Request = Pick<autocannon.Options, 'method' | 'headers' | 'body' | 'requests'> & { path: string };

/** One load scenario: the same user-visible work against Zhengtong and against the raw baseline. */
export type Scenario = {
  name: string;
  description: string;
  /** Concurrent connections for this scenario (default: BENCH_CONNECTIONS). */
  connections?: number;
  /** An even arrival rate in requests per second, open loop (bench/measure.ts measurePaced), instead of connections. */
  rate?: number;
  /** Sample what the server's transactions wait for (bench/lock-sampler.ts) while Zhengtong and the baseline run. */
  watchLocks?: boolean;
  prepare(ctx: ScenarioContext): Promise<{ zhengtong: Request; baseline: Request }>;
};

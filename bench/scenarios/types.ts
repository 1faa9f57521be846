import type autocannon from 'autocannon';

export type Target = { url: string };
export type ScenarioContext = { zhengtong: Target; baseline: Target; password: string };
export type Request = Pick<autocannon.Options, 'method' | 'headers' | 'body' | 'requests'> & { path: string };

/** One load scenario: the same user-visible work against Zhengtong and against the raw baseline. */
export type Scenario = {
  name: string;
  description: string;
  prepare(ctx: ScenarioContext): Promise<{ zhengtong: Request; baseline: Request }>;
};

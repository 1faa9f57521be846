import { prepareTestDatabases } from './databases';

/** Vitest global setup for the pglite integration project: migrate once, copy per test file. */
export default async function setup(): Promise<() => Promise<void>> {
  return prepareTestDatabases('pglite');
}

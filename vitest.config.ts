import crypto from 'node:crypto';
import { defineConfig } from 'vitest/config';

// One id per run, so parallel runs on one PostgreSQL server never share a template database.
process.env.ZT_TEST_RUN ??= crypto.randomBytes(4).toString('hex');
const integration = ['server/src/**/*.int.test.ts'];
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['contracts/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: [...integration, '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: integration,
          env: { ZT_TEST_DB: 'pglite', ZT_TEST_RUN: process.env.ZT_TEST_RUN },
          globalSetup: ['server/src/testing/global-setup-pglite.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(hasPostgres
        ? [
            {
              test: {
                name: 'postgresql',
                include: integration,
                env: { ZT_TEST_DB: 'postgresql', ZT_TEST_RUN: process.env.ZT_TEST_RUN },
                globalSetup: ['server/src/testing/global-setup-postgresql.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

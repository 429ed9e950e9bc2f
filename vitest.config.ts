import { defineConfig } from 'vitest/config';

// Every test runs on the embedded PGlite; tests that touch the database run again on a real
// PostgreSQL when TEST_DATABASE_URL is set (CI sets it). Each file gets its own PGlite or schema.
const databaseTests = ['test/db/**/*.test.ts', 'test/e2e/**/*.test.ts'];
const postgres = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          env: { TEST_DB_KIND: 'pglite' },
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: databaseTests,
                env: { TEST_DB_KIND: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});

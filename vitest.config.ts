import { defineConfig } from 'vitest/config'

// One run covers every workspace. Tests that need Postgres or Redis skip with a visible
// notice on a laptop without them, and fail under CI=true (see packages/testing).
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
      'e2e/**/*.test.ts',
      'tools/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: integration tests open servers and databases; keep parallelism modest.
    maxWorkers: 2,
  },
})

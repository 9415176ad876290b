import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, tests beside it) and `integration` (real shells through node-pty).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'test/tooling/**/*.test.ts'],
          environment: 'node',
          // Headroom for property tests on a shared, loaded 2-core machine; assertions are unchanged.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Real processes and fd counts: one file at a time keeps measurements honest on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});

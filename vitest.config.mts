import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Two cores here: keep the pool small so property tests don't starve each other.
    poolOptions: { threads: { maxThreads: 2 } },
    testTimeout: 60_000,
  },
});

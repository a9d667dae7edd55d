import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Time limits catch a hang, not slowness: a shared or loaded CI machine runs the CLI-driven tests several times
    // slower than an idle one, and no test may depend on the machine being idle.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The items measure latencies and recovery times: one at a time, so they do not compete for the CPU.
    fileParallelism: false,
    hookTimeout: 120_000,
    reporters: ['default', './src/summary-reporter.ts'],
  },
});

import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium through playwright-core against a real server.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});

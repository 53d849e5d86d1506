import { defineConfig } from 'vitest/config';

// End-to-end tests: the built site (dist/) in Debian's Chromium. `npm test` builds first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Files share 2 cores with a browser each: run them one after another.
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

// Unit and integration tests. End-to-end tests of the built site live in tests/e2e and have
// their own config (vitest.e2e.config.ts) because they need a build and a browser.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/conformance/**/*.test.ts', 'labs/**/*.test.ts'],
    testTimeout: 30_000,
  },
});

/**
 * Three projects: `unit` (the client, processor and sandbox against a sandbox
 * over HTTP), `e2e` (a real Medusa server with PostgreSQL, booted once by the
 * e2e global setup, which Jest runs only when e2e tests are selected) and
 * `reliability` (faults, races, hostile input and leaks against the same
 * stack, booted by its own run of that setup: `npm run test:reliability`).
 * `npm test` selects unit and e2e, in band, in the order the sequencer gives.
 * @type {import('jest').Config}
 */
const transform = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] }
const modulePathIgnorePatterns = ["<rootDir>/dist/", "<rootDir>/.demo/", "<rootDir>/.e2e/"]

module.exports = {
  testSequencer: "<rootDir>/__tests__/e2e/support/test-sequencer.js",
  reporters: ["default", "<rootDir>/__tests__/e2e/support/summary-reporter.js"],
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform,
      modulePathIgnorePatterns,
      roots: ["<rootDir>/src"],
      testMatch: ["**/__tests__/**/*.test.ts"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform,
      modulePathIgnorePatterns,
      roots: ["<rootDir>/__tests__/e2e"],
      testMatch: ["**/*.e2e.test.ts"],
      globalSetup: "<rootDir>/__tests__/e2e/support/global-setup.ts",
      globalTeardown: "<rootDir>/__tests__/e2e/support/global-teardown.ts",
      setupFilesAfterEnv: ["<rootDir>/__tests__/e2e/support/e2e-timeout.ts"],
    },
    {
      displayName: "reliability",
      testEnvironment: "node",
      transform,
      modulePathIgnorePatterns,
      roots: ["<rootDir>/__tests__/reliability"],
      testMatch: ["**/*.reliability.test.ts"],
      // The e2e stack, with the gateway timeout this suite needs (see the file).
      globalSetup: "<rootDir>/__tests__/reliability/support/global-setup.ts",
      globalTeardown: "<rootDir>/__tests__/e2e/support/global-teardown.ts",
      setupFilesAfterEnv: ["<rootDir>/__tests__/e2e/support/e2e-timeout.ts"],
    },
  ],
  testTimeout: 30000,
}

/**
 * The Medusa 2.x suite (`npm run test:v2`), apart from `npm test`: it needs
 * the 2.x test store installed in .medusa-v2/app (prepare-store.js does it),
 * and takes @medusajs/js-sdk from that store's node_modules, never from the
 * root's, where Medusa 1.20 lives.
 * @type {import('jest').Config}
 */
module.exports = {
  displayName: "medusa-v2",
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "__tests__/medusa-v2/tsconfig.json" }] },
  roots: ["<rootDir>/__tests__/medusa-v2"],
  testMatch: ["**/*.e2e.test.ts"],
  // The template's package.json must not meet its installed copy in Jest's module map.
  modulePathIgnorePatterns: ["<rootDir>/__tests__/medusa-v2/app-template/", "<rootDir>/dist/", "<rootDir>/.medusa-v2/app/node_modules/medusa-payment-instantmerchant/"],
  moduleNameMapper: { "^@medusajs/js-sdk$": "<rootDir>/.medusa-v2/app/node_modules/@medusajs/js-sdk" },
  globalSetup: "<rootDir>/__tests__/medusa-v2/support/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/medusa-v2/support/global-teardown.ts",
  testSequencer: "<rootDir>/__tests__/medusa-v2/support/scan-last-sequencer.js",
  testTimeout: 120000,
}

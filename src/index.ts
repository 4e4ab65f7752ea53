/**
 * The library surface of the package. Medusa itself loads the plugin from
 * `dist/services`, `dist/loaders` and friends; this is for code that wants the
 * InstantMerchant client or the sandbox directly.
 */
export * from "./client"
export { startSandbox, TEST_CARDS, DECLINING_TEST_CARDS } from "./sandbox"
export type { Sandbox, SandboxOptions, SandboxControls } from "./sandbox"
export type { InstantMerchantPluginOptions } from "./config/plugin-options"
export type { InstantMerchantSessionData, RefundRecord } from "./rules/session/session-data"

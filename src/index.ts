/**
 * The library surface of the package. Medusa itself loads the plugin from
 * `dist/services`, `dist/loaders` and friends; this is for code that wants the
 * InstantMerchant client directly. The sandbox is its own entry,
 * `medusa-payment-instantmerchant/sandbox`, so that a shop that installs the
 * plugin never loads an HTTP emulator it does not use.
 */
export * from "./client"
export type { InstantMerchantPluginOptions } from "./config/plugin-options"
export type { InstantMerchantSessionData, RefundRecord } from "./rules/session/session-data"

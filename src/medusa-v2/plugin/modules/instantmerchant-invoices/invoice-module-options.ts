import { resolveV2Options, ResolvedV2Options } from "../../../provider-options"

/** The plugin's options the invoices module does not read: the subscriptions module's. */
const SUBSCRIPTION_OPTION = /^subscription_|^use_sandbox_clock$/

/**
 * The invoices module gets the plugin's options (Medusa hands a plugin's
 * options to each of its modules): the provider's (`api_key`, `api_secret`,
 * `base_url`, the `invoice_*` options), read and checked by the provider's
 * own reader, and the subscription options, which are left to their module.
 */
export function invoiceModuleOptions(raw: unknown): ResolvedV2Options {
  const all = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>
  return resolveV2Options(Object.fromEntries(Object.entries(all).filter(([key]) => !SUBSCRIPTION_OPTION.test(key))))
}

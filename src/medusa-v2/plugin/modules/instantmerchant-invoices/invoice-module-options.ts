import { resolveV2Options, ResolvedV2Options, V2_OPTION_NAMES } from "../../../provider-options"

/**
 * The invoices module gets the plugin's options, with what Medusa adds to
 * every module's options (`database`, ...). It reads the provider's
 * (`api_key`, `api_secret`, `base_url`, the `invoice_*` options) with the
 * provider's own reader, so they are checked alike; the other options (the
 * subscriptions module's) are not its business.
 */
export function invoiceModuleOptions(raw: unknown): ResolvedV2Options {
  const all = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>
  return resolveV2Options(Object.fromEntries(Object.entries(all).filter(([key]) => V2_OPTION_NAMES.includes(key))))
}

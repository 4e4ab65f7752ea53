import { flag, increasingHours, integer, OptionsSource, readOptions } from "./option-reader"
import { GATEWAY_OPTION_FIELDS, GatewayOptions, INVOICE_OPTION_FIELDS, InvoiceOptions } from "./shared-options"

/**
 * The plugin's options, as written in `medusa-config.js`:
 *
 * ```js
 * { resolve: "medusa-payment-instantmerchant", options: { api_key: process.env.IM_API_KEY, api_secret: process.env.IM_API_SECRET } }
 * ```
 */
export interface InstantMerchantPluginOptions extends GatewayOptions, InvoiceOptions {
  // ---- subscriptions ----
  /**
   * Renew a subscription this many hours before its paid period ends.
   * @default 24
   */
  subscription_renewal_lead_hours?: number
  /**
   * After a declined renewal, try again this many hours after the period's
   * end, in order; after the last, the subscription expires.
   * @default [24, 72]
   */
  subscription_retry_hours?: number[]
  /**
   * Decide when renewals are due by the InstantMerchant sandbox's clock
   * (`GET /_sandbox/clock` next to `base_url`) instead of this server's, so
   * that advancing the sandbox clock makes renewals due. For development
   * against the sandbox only.
   * @default false
   */
  use_sandbox_clock?: boolean
  /**
   * Allow a cart that mixes subscription items with one-time items; the whole
   * cart total then recurs each period.
   * @default false
   */
  subscription_allow_mixed_cart?: boolean
  /**
   * Create a Medusa order for each successful renewal, copied from the first
   * order (for shops that ship goods each period).
   * @default false
   */
  subscription_renewal_orders?: boolean
  /**
   * How many renewals the job sends to the gateway at once, from 1 to 32.
   * Each holds a database connection while the gateway answers: keep it
   * below the database pool's size (TypeORM's default is 10), which the
   * store's own requests share.
   * @default 4
   */
  subscription_renewal_concurrency?: number
}

export type ResolvedPluginOptions = Required<Omit<InstantMerchantPluginOptions, "invoice_send_to" | "invoice_to_staff">> &
  Pick<InstantMerchantPluginOptions, "invoice_send_to" | "invoice_to_staff">

const PLUGIN_OPTION_FIELDS = {
  ...GATEWAY_OPTION_FIELDS,
  ...INVOICE_OPTION_FIELDS,
  subscription_renewal_lead_hours: integer(24, 0, 24 * 60),
  subscription_retry_hours: increasingHours([24, 72]),
  use_sandbox_clock: flag(false),
  subscription_allow_mixed_cart: flag(false),
  subscription_renewal_orders: flag(false),
  subscription_renewal_concurrency: integer(4, 1, 32),
}

const V1_SOURCE: OptionsSource = {
  what: "medusa-payment-instantmerchant: invalid plugin options in medusa-config.js",
  // Medusa passes its own bookkeeping keys through plugin options; 2.x adds `database` to the options each of a plugin's modules gets (one shared object).
  unknown: (key, known) => (key.startsWith("_") || key === "enableUI" || key === "database" ? undefined : `${key} is not an option of this plugin (known: ${known.join(", ")})`),
}

/**
 * Checks the options when Medusa starts, so that a typo stops start-up with a
 * message naming the option instead of failing a shopper's checkout later.
 * Never quotes the secret.
 */
export function resolvePluginOptions(raw: unknown): ResolvedPluginOptions {
  return readOptions(raw, PLUGIN_OPTION_FIELDS, V1_SOURCE)
}

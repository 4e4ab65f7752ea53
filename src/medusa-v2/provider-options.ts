import { gatewayClientFor } from "../config/gateway-client"
import { readOptions, OptionsSource } from "../config/option-reader"
import { GATEWAY_OPTION_FIELDS, GatewayOptions, INVOICE_OPTION_FIELDS, InvoiceOptions } from "../config/shared-options"

/**
 * The 2.x provider's options, as written in `medusa-config.ts` under the
 * payment module's `providers`. Named as the v1 plugin's; the subscription
 * options belong to the plugin (`plugins: [{ resolve: "medusa-payment-instantmerchant" }]`),
 * which records and renews subscriptions; the provider only opens them at checkout.
 */
export interface InstantMerchantV2Options extends GatewayOptions, InvoiceOptions {}

export type ResolvedV2Options = Required<Omit<InstantMerchantV2Options, "invoice_send_to" | "invoice_to_staff">> &
  Pick<InstantMerchantV2Options, "invoice_send_to" | "invoice_to_staff">

const V2_OPTION_FIELDS = { ...GATEWAY_OPTION_FIELDS, ...INVOICE_OPTION_FIELDS }

/** The plugin's options (subscriptions): named in the error, so a copied v1 config is not silently half-used. */
const V1_ONLY = /^subscription_|^use_sandbox_clock$/

const V2_SOURCE: OptionsSource = {
  what: "medusa-payment-instantmerchant/medusa-v2: invalid provider options in medusa-config.ts",
  unknown: (key, known) =>
    V1_ONLY.test(key)
      ? `${key} is an option of the plugin, not of the payment provider: set it under plugins: [{ resolve: "medusa-payment-instantmerchant", options }] in medusa-config.ts`
      : `${key} is not an option of this provider (known: ${known.join(", ")})`,
}

/**
 * Reads and checks the options; every problem is listed in one error that
 * names the option and never quotes the secret. Medusa calls this at start-up
 * through `validateOptions`, so a typo stops the server instead of a checkout.
 */
export function resolveV2Options(raw: unknown): ResolvedV2Options {
  return readOptions(raw, V2_OPTION_FIELDS, V2_SOURCE)
}

/** The provider's option names (the plugin's modules read these of the plugin's options). */
export const V2_OPTION_NAMES: readonly string[] = Object.keys(V2_OPTION_FIELDS)

/** The one client recipe, the v1 plugin's (`config/gateway-client.ts`). */
export const clientFor = gatewayClientFor

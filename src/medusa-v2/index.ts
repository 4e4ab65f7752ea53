import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { InstantMerchantCardProvider } from "./services/instantmerchant-card-provider"
import { InstantMerchantInvoiceProvider } from "./services/instantmerchant-invoice-provider"

/**
 * The InstantMerchant payment module provider for Medusa 2.x, registered in
 * `medusa-config.ts` as `resolve: "medusa-payment-instantmerchant/medusa-v2"`
 * under the payment module's `providers`. It brings two providers: cards
 * (`pp_instantmerchant_<id>`) and pay by invoice
 * (`pp_instantmerchant-invoice_<id>`).
 *
 * This entry imports only the core, never the v1 plugin: a 2.x store does not
 * load (or install) Medusa v1 because of it.
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [InstantMerchantCardProvider, InstantMerchantInvoiceProvider],
})

export { InstantMerchantCardProvider, InstantMerchantInvoiceProvider }
export type { InstantMerchantV2Options } from "./provider-options"
export type { V2SessionData } from "./session-data-v2"

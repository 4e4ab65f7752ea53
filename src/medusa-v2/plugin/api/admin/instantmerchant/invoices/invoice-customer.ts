import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { AddressLike } from "../../../../../../customers/gateway-address"
import { invoiceCustomerDetails } from "../../../../../../invoices/pay-later-invoice"
import { InputError } from "../../../../../../rules/input/input-error"
import { gatewayCustomerOf } from "../../../../../gateway-customers"

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The account holders of the plugin's providers: `pp_instantmerchant_<id>` (cards) and `pp_instantmerchant-invoice_<id>`. */
const OUR_HOLDER = /^pp_instantmerchant(-invoice)?_/
const CARD_PROVIDER = /^pp_instantmerchant_/

/**
 * The gateway customer an admin's invoice is made out to. On 2.x a
 * customer's gateway customer is the data of their account holder (made at
 * their first checkout with a saved card, see saved-cards-provider.ts), so
 * an invoice and the customer's saved cards share it, as v1's metadata link
 * makes them share it.
 *
 * A customer without one gets it now, as checkout would: the card
 * provider's account holder, made by the payment module from the customer's
 * address (their default billing address, else their first address, else the
 * `address` sent), then linked to the customer. The gateway customer's key
 * comes from the customer and those details (gatewayCustomerRequest), so a
 * retry makes no second one.
 */
export async function gatewayCustomerForInvoice(scope: MedusaContainer, customerId: string, sent: AddressLike | undefined): Promise<number> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY) as any
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "company_name", "addresses.*", "account_holders.*"],
    filters: { id: customerId },
  })
  const customer = data[0]
  if (!customer) throw new InputError("customer_id", `no customer ${customerId}`)
  for (const holder of customer.account_holders ?? []) {
    const linked = OUR_HOLDER.test(holder?.provider_id ?? "") ? gatewayCustomerOf(holder) : undefined
    if (linked !== undefined) return linked
  }

  const addresses: any[] = customer.addresses ?? []
  const own = sent ?? addresses.find((a) => a.is_default_billing) ?? addresses[0]
  // Checked here, with v1's words, before the payment module is asked (its provider answers nothing for a bad address).
  invoiceCustomerDetails({ ...customer, billing_address: own, shipping_addresses: [] }, undefined)
  const billing_address = { ...own, first_name: own.first_name || customer.first_name, last_name: own.last_name || customer.last_name }
  const payment = scope.resolve(Modules.PAYMENT) as any
  const [provider] = (await payment.listPaymentProviders({ is_enabled: true })).filter((p: any) => CARD_PROVIDER.test(p.id))
  if (!provider) throw new Error("no InstantMerchant card provider is registered in the payment module (medusa-payment-instantmerchant/medusa-v2)")
  const holder = await payment.createAccountHolder({ provider_id: provider.id, context: { customer: { ...customer, billing_address } } })
  const gatewayCustomer = gatewayCustomerOf(holder)
  if (gatewayCustomer === undefined) throw new InputError("address", `could not make a gateway customer for customer ${customerId} from their address`)
  const link = scope.resolve(ContainerRegistrationKeys.LINK) as any
  await link.create({ [Modules.CUSTOMER]: { customer_id: customer.id }, [Modules.PAYMENT]: { account_holder_id: holder.id } })
  return gatewayCustomer
}

import { InstantMerchantClient, StoredCard } from "../client"
import { SavedCardInput } from "../rules/card/card-input"
import { GATEWAY_CUSTOMER_METADATA_KEY, GatewayCustomerLinks, linkedGatewayCustomer, ShopCustomer } from "../customers/customer-link"
import { cardSessionFields, GatewayCustomers } from "../customers/gateway-customers"
import { savedCardOf } from "../customers/saved-card"
import { V2SessionData } from "./session-data-v2"

/**
 * Gateway customers and their cards, as 2.x's account holders and payment
 * methods see them, through the framework-free module (`customers/`). An
 * account holder's `data` holds the gateway customer id under the key v1
 * keeps in the customer's metadata; Medusa's payment module hands it back in
 * `context.account_holder` only on requests authenticated as that customer
 * (the store routes take the customer from the request's auth context), so
 * it is the proof of ownership.
 */
export interface AccountHolderData {
  [GATEWAY_CUSTOMER_METADATA_KEY]: number
}

type AccountHolder = { data?: Record<string, unknown> | null } | null | undefined

/**
 * The module's port, on 2.x: nothing to write. Medusa keeps the link itself,
 * storing the `data` that createAccountHolder answers on the account holder.
 */
const ACCOUNT_HOLDER_LINKS: GatewayCustomerLinks = { rememberGatewayCustomer: async () => undefined }

/** The module on 2.x. */
export function gatewayCustomersFor(client: InstantMerchantClient): GatewayCustomers {
  return new GatewayCustomers(client, ACCOUNT_HOLDER_LINKS)
}

/** A customer and its account holder as the module's ShopCustomer: the holder's data plays the part of v1's metadata. */
export function shopCustomerOf(customerId: string, accountHolder: AccountHolder): ShopCustomer {
  return { id: customerId, metadata: accountHolder?.data }
}

/** The gateway customer of an account holder, or undefined for a guest (or a holder of another provider). */
export function gatewayCustomerOf(accountHolder: AccountHolder): number | undefined {
  return linkedGatewayCustomer({ id: "", metadata: accountHolder?.data })
}

/** A stored card, as a payment method's `data` (no number, no CVC: the gateway never returns them). */
export function paymentMethodData(card: StoredCard): Record<string, unknown> {
  return { ...savedCardOf(card), card_type: card.card_type }
}

/** A saved card of the signed-in customer, or a refusal naming `card_id`. */
export async function useSavedCard(customers: GatewayCustomers, accountCustomer: number | undefined, input: SavedCardInput): Promise<Partial<V2SessionData>> {
  const card = await customers.paymentCard(accountCustomer, input.card_id)
  return { instantmerchant_customer_id: accountCustomer, card_saved: true, ...cardSessionFields(card) }
}

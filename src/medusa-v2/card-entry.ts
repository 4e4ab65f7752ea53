import { CardInput } from "../rules/card/card-input"
import { InputError } from "../rules/input/input-error"
import { GatewayAddress } from "../customers/gateway-address"
import { cardSessionFields, GatewayCustomers } from "../customers/gateway-customers"
import { useSavedCard } from "./gateway-customers"
import { V2SessionData } from "./session-data-v2"

/**
 * Card entry at payment-session creation: a saved card is checked against
 * the signed-in customer's gateway customer; a new card is stored with card
 * create, on that customer when the shopper asked to save it, otherwise on a
 * gateway customer of this payment session alone (a card stored on the
 * account's customer would show up among its saved cards).
 *
 * `accountCustomer` comes from the account holder the payment module found
 * for the customer this request is authenticated as: never from the data.
 */
export async function enterCard(
  customers: GatewayCustomers,
  card: CardInput,
  sessionId: string,
  accountCustomer: number | undefined,
  contact: { email?: string; billing?: GatewayAddress }
): Promise<Partial<V2SessionData>> {
  if (card.kind === "saved") return useSavedCard(customers, accountCustomer, card)
  const save = card.save_card || card.is_default
  if (save && accountCustomer === undefined) {
    const field = card.save_card ? "save_card" : "is_default"
    throw new InputError(field, `saved cards are only for signed-in customers with an address on their account: sign in, or send ${field}: false`)
  }
  const customer = save ? accountCustomer! : await customers.create(sessionId, { address: contact.billing!, email: contact.email! })
  // One card per payment session: 2.x makes a new session for each card entry.
  const stored = await customers.storeCard(customer, card, { save_card: save, is_default: save && card.is_default }, `im_card_${sessionId}`)
  return { instantmerchant_customer_id: customer, card_saved: save, ...cardSessionFields(stored) }
}

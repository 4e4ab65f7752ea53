import { CardInput, NewCardInput, SavedCardInput } from "../rules/card/card-input"
import { InputError } from "../rules/input/input-error"
import { InstantMerchantSessionData } from "../rules/session/session-data"
import { linkedGatewayCustomer } from "../customers/customer-link"
import { gatewayAddressFrom } from "../customers/gateway-address"
import { cardSessionFields, CustomerDetails, GatewayCustomers } from "../customers/gateway-customers"
import { CheckoutCustomer, PaymentCart } from "./checkout-lookup"
import { requestCustomerId } from "./request-customer"

/**
 * Card entry at checkout: a saved card of the signed-in account, or a new
 * card stored with the gateway (on the account's gateway customer when it is
 * saved, on one of the payment session's own otherwise). What comes back is
 * only the card's reference, last 4 and expiry, for the session data.
 */
export class CardEntry {
  constructor(private readonly customers: GatewayCustomers) {}

  async enter(input: CardInput, cart: PaymentCart, sessionId: string, current: InstantMerchantSessionData): Promise<Partial<InstantMerchantSessionData>> {
    const accountField = input.kind === "saved" ? "card_id" : input.save_card ? "save_card" : input.is_default ? "is_default" : undefined
    if (accountField) assertSignedInAsCartCustomer(cart, accountField)
    return input.kind === "saved" ? this.useSavedCard(input, cart) : this.storeNewCard(input, cart, sessionId, current)
  }

  private async useSavedCard(input: SavedCardInput, cart: PaymentCart): Promise<Partial<InstantMerchantSessionData>> {
    const gatewayCustomer = accountLink(cart.customer)
    const card = await this.customers.paymentCard(gatewayCustomer, input.card_id)
    return { instantmerchant_customer_id: gatewayCustomer, card_saved: true, ...cardSessionFields(card) }
  }

  /**
   * Stores the card on the account's gateway customer (made on first need
   * and linked), whose cards are its saved cards; or on one of its own.
   */
  private async storeNewCard(
    input: NewCardInput,
    cart: PaymentCart,
    sessionId: string,
    current: InstantMerchantSessionData
  ): Promise<Partial<InstantMerchantSessionData>> {
    // Only a signed-in customer can come back for a saved card.
    const save = !!cart.customer?.has_account && (input.save_card || input.is_default)
    const customerId = save ? await this.customers.ofAccount(cart.customer!, () => customerDetailsOf(cart)) : await this.sessionCustomerFor(cart, sessionId, current)
    const card = await this.customers.storeCard(customerId, input, { save_card: save, is_default: save && input.is_default })
    return { instantmerchant_customer_id: customerId, card_saved: save, ...cardSessionFields(card) }
  }

  /**
   * A gateway customer for this payment session only. The gateway stores
   * every card on a customer (card create), and a card stored on the
   * account's customer would show up among its saved cards; so a guest's
   * card, or a card the shopper chose not to save, goes on a customer of its own.
   */
  private async sessionCustomerFor(cart: PaymentCart, sessionId: string, current: InstantMerchantSessionData): Promise<number> {
    if (current.instantmerchant_customer_id !== undefined && current.instantmerchant_customer_id !== accountLink(cart.customer)) {
      return current.instantmerchant_customer_id
    }
    return this.customers.create(sessionId, customerDetailsOf(cart))
  }
}

/**
 * A saved card belongs to an account: only a request signed in as the cart's
 * customer may pay with one or save one. The cart's customer alone proves
 * nothing, since Medusa v1 lets anyone set `customer_id` on a cart.
 */
function assertSignedInAsCartCustomer(cart: PaymentCart, field: string): void {
  const signedIn = requestCustomerId()
  if (!signedIn) {
    throw new InputError(field, `saved cards are only for signed-in customers: sign in${field === "card_id" ? "" : `, or send ${field}: false`}`)
  }
  if (cart.customer?.id !== signedIn) throw new InputError(field, "this cart belongs to another customer than the one signed in")
}

/** The gateway customer linked to a signed-in account; a guest's customer record links none. */
export function accountLink(customer: Pick<CheckoutCustomer, "id" | "has_account" | "metadata"> | null | undefined): number | undefined {
  return customer?.has_account ? linkedGatewayCustomer(customer) : undefined
}

/** Card create needs a gateway customer, made from the cart's email and billing address. */
function customerDetailsOf(cart: PaymentCart): CustomerDetails {
  const address = gatewayAddressFrom(cart.billing_address ?? cart.shipping_address)
  const email = cart.email ?? cart.customer?.email
  if (!email) throw new InputError("email", "the cart needs an email before a card can be stored")
  return { address, email }
}

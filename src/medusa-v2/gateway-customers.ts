import { InstantMerchantClient, InvalidRequestError, StoredCard } from "../client"
import { gatewayCardFields, lastFour, NewCardInput, SavedCardInput } from "../rules/card/card-input"
import { InputError } from "../rules/input/input-error"
import { GatewayAddress } from "../customers/gateway-address"
import { gatewayCustomerRequest } from "../customers/gateway-customer-request"
import { savedCardOf } from "../customers/saved-card"
import { V2SessionData } from "./session-data-v2"

/**
 * Gateway customers and their cards, as 2.x's account holders and payment
 * methods see them. An account holder's `data` holds the gateway customer id;
 * Medusa's payment module hands it back in `context.account_holder` only on
 * requests authenticated as that customer (the store routes take the customer
 * from the request's auth context), so it is the proof of ownership.
 */
export interface AccountHolderData {
  instantmerchant_customer_id: number
}

/** The gateway customer of an account holder, or undefined for a guest (or a holder of another provider). */
export function gatewayCustomerOf(accountHolder: { data?: Record<string, unknown> | null } | null | undefined): number | undefined {
  const id = accountHolder?.data?.instantmerchant_customer_id
  return typeof id === "number" && Number.isSafeInteger(id) ? id : undefined
}

/** A stored card, as a payment method's `data` (no number, no CVC: the gateway never returns them). */
export function paymentMethodData(card: StoredCard): Record<string, unknown> {
  return { ...savedCardOf(card), card_type: card.card_type }
}

/** Creates a gateway customer; a re-run with the same owner and details replays the first (see gatewayCustomerRequest). */
export async function createGatewayCustomer(client: InstantMerchantClient, owner: string, address: GatewayAddress, email: string): Promise<number> {
  const { params, idempotencyKey } = gatewayCustomerRequest(owner, address, email)
  const created = await client.customers.create(params, { idempotencyKey })
  return created.customer_id
}

/** The card, if it is one of the gateway customer's stored cards. */
export async function findStoredCard(client: InstantMerchantClient, customer: number, cardId: string): Promise<StoredCard | undefined> {
  try {
    const listed = await client.cards.retrieve({ customer, card_id: cardId })
    return listed.data.find((c) => c.card_id === cardId)
  } catch (e) {
    if (e instanceof InvalidRequestError && e.statusCode === 404) return undefined
    throw e
  }
}

/** Card create: the number and CVC go to the gateway in this one request, and only the card id, last 4 and expiry come back. */
export async function storeCard(
  client: InstantMerchantClient,
  customer: number,
  card: NewCardInput,
  save: boolean,
  idempotencyKey: string | undefined
): Promise<Pick<V2SessionData, "card_id" | "card_last_4" | "card_exp_month" | "card_exp_year">> {
  const stored = await client.cards.create(
    { customer, ...gatewayCardFields(card, { save_card: save, is_default: save && card.is_default }) },
    idempotencyKey ? { idempotencyKey } : undefined
  )
  return { card_id: stored.card_id, card_last_4: stored.card_last_4 || lastFour(card.card_number), card_exp_month: card.exp_month, card_exp_year: card.exp_year }
}

/** A saved card of the signed-in customer, or a refusal naming `card_id`. */
export async function useSavedCard(client: InstantMerchantClient, accountCustomer: number | undefined, input: SavedCardInput): Promise<Partial<V2SessionData>> {
  if (accountCustomer === undefined) throw new InputError("card_id", "saved cards are only for signed-in customers who saved a card before")
  const card = await findStoredCard(client, accountCustomer, input.card_id)
  if (!card) throw new InputError("card_id", "is not one of your saved cards")
  const method = paymentMethodData(card)
  return {
    instantmerchant_customer_id: accountCustomer,
    card_saved: true,
    card_id: card.card_id,
    card_last_4: card.cc_last_4,
    card_exp_month: method.exp_month as number,
    card_exp_year: method.exp_year as number,
  }
}

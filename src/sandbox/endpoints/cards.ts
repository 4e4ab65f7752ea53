import { readCardDetails } from "../cards/card-details"
import { findSavedCard, savedCardsOf, storeCard } from "../domain/card"
import { findCustomer } from "../domain/customer"
import { unknownResource } from "../sandbox-error"
import type { CardRecord } from "../store/state"
import type { Endpoint } from "./endpoint"
import { readCurrency } from "./payment-fields"

/**
 * POST /card: store a card on an existing customer. The endpoint exists to
 * store cards, so it stores whatever `save_card` says. The customer's first
 * card, or one sent with is_default=true, becomes the default.
 */
export const createCardEndpoint: Endpoint = ({ env, fields, now }) => {
  const customerId = fields.integer("customer", 0)
  const details = readCardDetails(fields, now)
  const description = fields.optionalString("description") ?? null
  const makeDefault = fields.boolean("is_default")
  fields.boolean("save_card") // validated for shape only, see above
  readCurrency(fields)
  const customer = findCustomer(env, customerId)
  const card = storeCard(env, details, { customerId: customer.customer_id, saved: true, makeDefault, description }, now)
  return { message: "Card created successfully", data: { card_id: card.card_id, card_last_4: card.last4 } }
}

/** POST /card/get: a customer's saved cards, or one of them with `card_id`. */
export const retrieveCardsEndpoint: Endpoint = ({ env, fields }) => {
  const customerId = fields.integer("customer", 0)
  const cardId = fields.optionalString("card_id")
  const customer = findCustomer(env, customerId)
  const cards = cardId === undefined ? savedCardsOf(env, customer.customer_id) : [cardOfCustomer(env, cardId, customer.customer_id)]
  return { message: "Credit card details retrieved successfully", data: { data: cards.map(cardView) } }
}

function cardOfCustomer(env: Parameters<typeof findSavedCard>[0], cardId: string, customerId: number): CardRecord {
  const card = findSavedCard(env, cardId)
  // Another customer's card is as unknown to this customer as a made-up id.
  if (card.customer_id !== customerId) throw unknownResource("card_id", cardId, "card")
  return card
}

/** Exactly the reference example's shape: every value a string, `cc_valid_thru` as M/YYYY. */
function cardView(card: CardRecord): Record<string, string> {
  return {
    card_id: card.card_id,
    is_default: card.is_default ? "1" : "0",
    card_type: card.brand,
    cc_last_4: card.last4,
    cc_valid_thru: `${card.exp_month}/${card.exp_year}`,
  }
}

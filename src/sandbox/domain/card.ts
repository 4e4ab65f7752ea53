import type { CardDetails } from "../cards/card-details"
import { unknownResource } from "../sandbox-error"
import type { CardRecord, EnvironmentState } from "../store/state"
import { testCardDecline } from "../cards/test-cards"
import { declineError } from "./decline"

export interface StoreCardOptions {
  customerId: number | null
  saved: boolean
  makeDefault: boolean
  description?: string | null
}

/**
 * Stores a card. Storing verifies it, so the test cards that decline on
 * verification (0002, 0069, 0127, 0119) fail here with 402 and nothing is
 * stored; 9995 and 0341 store fine and carry their decline to every charge.
 */
export function storeCard(env: EnvironmentState, details: CardDetails, options: StoreCardOptions, now: number): CardRecord {
  const decline = testCardDecline(details.number)
  if (decline?.when === "verify") throw declineError(decline.code)
  const card = env.cards.add({
    card_id: env.cards.nextId(),
    last4: details.last4,
    exp_month: details.expMonth,
    exp_year: details.expYear,
    brand: details.brand,
    cardholder_name: details.cardholderName,
    customer_id: options.customerId,
    saved: options.saved,
    is_default: false,
    description: options.description ?? null,
    decline_on_charge: decline?.code ?? null,
    created_at: now,
  })
  if (card.saved && (options.makeDefault || !hasDefaultCard(env, options.customerId))) makeDefaultCard(env, card)
  return card
}

function hasDefaultCard(env: EnvironmentState, customerId: number | null): boolean {
  return env.cardsOfCustomer.find(customerId).some((c) => c.saved && c.is_default)
}

/** Only one default per customer: setting one clears the others. */
export function makeDefaultCard(env: EnvironmentState, card: CardRecord): void {
  for (const other of env.cardsOfCustomer.find(card.customer_id)) {
    if (other.is_default && other.card_id !== card.card_id) env.touch(other).is_default = false
  }
  env.touch(card).is_default = true
}

/** A saved card by id; one-off cards of past charges are not addressable. */
export function findSavedCard(env: EnvironmentState, cardId: string, param = "card_id"): CardRecord {
  const card = env.cards.get(cardId)
  if (!card || !card.saved) throw unknownResource(param, cardId, "card")
  return card
}

export function findAnyCard(env: EnvironmentState, cardId: string): CardRecord | undefined {
  return env.cards.get(cardId)
}

export function savedCardsOf(env: EnvironmentState, customerId: number): CardRecord[] {
  return env.cardsOfCustomer.find(customerId).filter((c) => c.saved)
}

import { isExpired } from "../cards/card-checks"
import { hasCardDetails, readCardDetails, type CardDetails } from "../cards/card-details"
import type { Fields } from "../http/fields"
import { invalidParam, SandboxError } from "../sandbox-error"
import type { CardRecord, ChargeRecord, EnvironmentState, PaymentMode } from "../store/state"
import { testCardDecline } from "../cards/test-cards"
import { findSavedCard, makeDefaultCard, storeCard } from "./card"
import { createCharge } from "./charge"
import { declineError } from "./decline"

/** What a charge is paid with: a saved card (`card_id`) or raw card details. */
export type CardSource = { kind: "saved"; card: CardRecord } | { kind: "details"; details: CardDetails }

/**
 * Reference: card details are "Required, when `card_id` is not present" and
 * `card_id` is "Required, when card details are not present". Sending both is
 * ambiguous, so the sandbox refuses it rather than guess which one wins.
 */
export function readCardSource(fields: Fields, env: EnvironmentState, now: number): CardSource {
  const cardId = fields.optionalString("card_id")
  if (cardId !== undefined) {
    if (hasCardDetails(fields)) throw invalidParam("card_id", "send either card_id or card details, not both")
    return { kind: "saved", card: findSavedCard(env, cardId) }
  }
  if (!hasCardDetails(fields) && !fields.has("cardholder_name")) {
    throw new SandboxError(400, "parameter_missing", "card_number: is required when card_id is not present", "card_number")
  }
  return { kind: "details", details: readCardDetails(fields, now) }
}

export interface PaymentRequest {
  amount: number
  currency: string
  paymentMode: PaymentMode
  description: string
  customerId: number | null
  /** `save_card=true`, or `is_default=true` (reference: "card details are saved and make it as default card"). */
  saveCard: boolean
  makeDefault: boolean
  invoiceNum?: number | null
}

/** Saving a card needs a customer to save it on. */
export function requireCustomerForSave(saveCard: boolean, makeDefault: boolean, hasCustomer: boolean): void {
  if ((saveCard || makeDefault) && !hasCustomer) {
    throw invalidParam("save_card", "a card can only be saved on a customer: send create_customer=true or a card_id")
  }
}

/** Authorizes the card (a decline throws 402 before anything changes) and records the charge. */
export function chargeCard(env: EnvironmentState, source: CardSource, request: PaymentRequest, now: number): { charge: ChargeRecord; card: CardRecord } {
  const card = source.kind === "saved" ? authorizeSavedCard(env, source.card, request, now) : storeChargedDetails(env, source.details, request, now)
  const charge = createCharge(
    env,
    {
      amount: request.amount,
      currency: request.currency,
      paymentMode: request.paymentMode,
      card,
      customerId: request.customerId,
      description: request.description,
      invoiceNum: request.invoiceNum,
    },
    now,
  )
  return { charge, card }
}

/** A stored card declines with its stored code, or `expired_card` once the sandbox clock passes its expiry. */
export function authorizeStoredCard(card: CardRecord, now: number): void {
  if (card.decline_on_charge) throw declineError(card.decline_on_charge)
  if (isExpired(card.exp_month, card.exp_year, now)) throw declineError("expired_card")
}

function authorizeSavedCard(env: EnvironmentState, card: CardRecord, request: PaymentRequest, now: number): CardRecord {
  authorizeStoredCard(card, now)
  if (request.makeDefault) makeDefaultCard(env, card)
  return card
}

/** Charging raw details declines with the test card's code for all six declining cards. */
function storeChargedDetails(env: EnvironmentState, details: CardDetails, request: PaymentRequest, now: number): CardRecord {
  const decline = testCardDecline(details.number)
  if (decline) throw declineError(decline.code)
  const saved = request.saveCard || request.makeDefault
  return storeCard(env, details, { customerId: request.customerId, saved, makeDefault: request.makeDefault }, now)
}

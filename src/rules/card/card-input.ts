import { InputError } from "../input/input-error"
import { parseCardExpiry } from "./card-expiry"
import { passesLuhn } from "./luhn"

/**
 * Card details a storefront sent, checked. They live in memory for the one
 * request that passes them to the gateway, and are never stored or returned.
 */
export interface NewCardInput {
  kind: "new"
  cardholder_name: string
  card_number: string
  exp_month: number
  exp_year: number
  cvc: string
  save_card: boolean
  is_default: boolean
}

/** A card the signed-in customer saved before. */
export interface SavedCardInput {
  kind: "saved"
  card_id: string
  /** Make it the customer's default card. */
  is_default: boolean
}

export type CardInput = NewCardInput | SavedCardInput

const CARD_FIELDS = ["cardholder_name", "card_number", "exp_month", "exp_year", "cvc"] as const

/**
 * Reads the storefront data contract: either
 * `{ cardholder_name, card_number, exp_month, exp_year, cvc, save_card?, is_default? }`
 * or `{ card_id, is_default? }`. Throws an {@link InputError} naming the first
 * field at fault. The error never quotes the card number or the CVC.
 */
export function parseCardInput(data: Record<string, unknown> | undefined | null, now: Date = new Date()): CardInput {
  if (!data || typeof data !== "object") throw new InputError("data", "must be an object with card details or a card_id")
  const hasCardField = CARD_FIELDS.some((f) => data[f] !== undefined && data[f] !== null && data[f] !== "")
  if (data.card_id !== undefined && data.card_id !== null && data.card_id !== "") {
    if (hasCardField) throw new InputError("card_id", "send either card_id or card details, not both")
    if (typeof data.card_id !== "string" || !/^card_[A-Za-z0-9]{1,64}$/.test(data.card_id)) {
      throw new InputError("card_id", "must be a card id such as card_585a3da60deae")
    }
    return { kind: "saved", card_id: data.card_id, is_default: flag(data.is_default, "is_default") }
  }
  if (!hasCardField) throw new InputError("card_number", "is required (or send the card_id of a saved card)")

  const cardholderName = typeof data.cardholder_name === "string" ? data.cardholder_name.trim() : ""
  if (!cardholderName) throw new InputError("cardholder_name", "is required")
  if (cardholderName.length > 100) throw new InputError("cardholder_name", "must be at most 100 characters")
  // A NUL, a line break or any other control character is no part of a name, and the gateway would print it on a receipt.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(cardholderName)) throw new InputError("cardholder_name", "must not contain control characters (line breaks, tabs, NUL)")

  // Storefronts often let a shopper type "4242 4242 ..."; the gateway wants digits only.
  const number = typeof data.card_number === "string" ? data.card_number.replace(/[ -]/g, "") : typeof data.card_number === "number" ? "" : ""
  if (!number) throw new InputError("card_number", "is required, as a string of digits")
  if (!/^\d+$/.test(number)) throw new InputError("card_number", "must contain digits only")
  if (number.length < 12 || number.length > 19) throw new InputError("card_number", "must have 12 to 19 digits")
  if (!passesLuhn(number)) throw new InputError("card_number", "is not a valid card number (it fails the Luhn check)")

  const expiry = parseCardExpiry(data.exp_month, data.exp_year, now)

  const cvc = typeof data.cvc === "string" ? data.cvc.trim() : ""
  if (!/^\d{3,4}$/.test(cvc)) throw new InputError("cvc", "must be 3 or 4 digits")

  return {
    kind: "new",
    cardholder_name: cardholderName,
    card_number: number,
    exp_month: expiry.month,
    exp_year: expiry.year,
    cvc,
    save_card: flag(data.save_card, "save_card"),
    is_default: flag(data.is_default, "is_default"),
  }
}

function flag(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === "boolean") return value
  if (value === "true" || value === "1" || value === 1) return true
  if (value === "false" || value === "0" || value === 0) return false
  throw new InputError(field, "must be true or false")
}

/**
 * The gateway's card fields for a new card. The one place card details are
 * copied into a request; the request is the only place they go.
 */
export function gatewayCardFields(
  card: NewCardInput,
  flags: Pick<NewCardInput, "save_card" | "is_default"> = card
): Omit<NewCardInput, "kind"> {
  return {
    cardholder_name: card.cardholder_name,
    card_number: card.card_number,
    exp_month: card.exp_month,
    exp_year: card.exp_year,
    cvc: card.cvc,
    save_card: flags.save_card,
    is_default: flags.is_default,
  }
}

/** The last four digits: the only part of a number that may be kept. */
export function lastFour(cardNumber: string): string {
  return cardNumber.slice(-4)
}

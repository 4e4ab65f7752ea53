import { cardBrand, cardNumberProblem, cvcProblem, isExpired, parseExpMonth, parseExpYear, type CardBrand } from "./card-checks"
import type { Fields } from "../http/fields"
import { intern } from "../intern"
import { invalidParam, missingParam } from "../sandbox-error"

/**
 * Raw card details from one request. The number and CVC live only in this
 * object, for the length of the request; nothing stores or echoes them.
 */
export interface CardDetails {
  readonly number: string
  readonly last4: string
  readonly brand: CardBrand
  readonly expMonth: number
  readonly expYear: number
  readonly cardholderName: string
}

export const CARD_DETAIL_FIELDS = ["card_number", "exp_month", "exp_year", "cvc"] as const

/** True when any of the secret card fields is present. */
export function hasCardDetails(fields: Fields): boolean {
  return CARD_DETAIL_FIELDS.some((name) => fields.has(name))
}

/** Reads and validates card details, naming the first field at fault. */
export function readCardDetails(fields: Fields, nowSeconds: number): CardDetails {
  const cardholderName = fields.string("cardholder_name")
  const number = fields.string("card_number")
  const numberProblem = cardNumberProblem(number)
  if (numberProblem) throw invalidParam("card_number", numberProblem)
  const expMonth = expiryPart(fields, "exp_month", parseExpMonth)
  const expYear = expiryPart(fields, "exp_year", parseExpYear)
  if (isExpired(expMonth, expYear, nowSeconds)) throw invalidParam("exp_year", "the card has expired")
  const cvc = fields.string("cvc")
  const problem = cvcProblem(cvc)
  if (problem) throw invalidParam("cvc", problem)
  return { number, last4: intern(number.slice(-4)), brand: cardBrand(number), expMonth, expYear, cardholderName: intern(cardholderName) }
}

function expiryPart(fields: Fields, name: string, parse: (raw: string) => number | string): number {
  const raw = fields.optionalString(name)
  if (raw === undefined) throw missingParam(name)
  const parsed = parse(raw)
  if (typeof parsed === "string") throw invalidParam(name, parsed)
  return parsed
}

/**
 * Pure card-data checks: Luhn, expiry, CVC, brand.
 *
 * Written here independently of the plugin's own checks on purpose: the
 * sandbox is the test oracle for them, and an oracle that shares code with
 * what it tests cannot catch that code's bugs.
 *
 * Each check returns a reason (the text after "field: ") or null when valid.
 */

/** Luhn (mod 10) over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** Reference: "The card number, as a string without any separators." */
export function cardNumberProblem(cardNumber: string): string | null {
  if (!/^\d+$/.test(cardNumber)) return "must contain digits only, without separators"
  if (cardNumber.length < 12 || cardNumber.length > 19) return "must have 12 to 19 digits"
  if (!passesLuhn(cardNumber)) return "must pass the Luhn check"
  return null
}

/** exp_month: 1-12, "03" accepted ("Two digit number representing the card's expiration month"). */
export function parseExpMonth(raw: string): number | string {
  if (!/^\d{1,2}$/.test(raw)) return "must be a month number from 1 to 12"
  const month = Number(raw)
  return month >= 1 && month <= 12 ? month : "must be a month number from 1 to 12"
}

/** exp_year: "Two or four digit number"; two digits mean 20yy. */
export function parseExpYear(raw: string): number | string {
  if (/^\d{4}$/.test(raw)) return Number(raw)
  if (/^\d{2}$/.test(raw)) return 2000 + Number(raw)
  return "must be a two or four digit year"
}

/** A card is valid through the last moment of its expiry month (UTC). */
export function isExpired(expMonth: number, expYear: number, nowSeconds: number): boolean {
  const now = new Date(nowSeconds * 1000)
  const nowMonthIndex = now.getUTCFullYear() * 12 + now.getUTCMonth()
  return expYear * 12 + (expMonth - 1) < nowMonthIndex
}

export function cvcProblem(cvc: string): string | null {
  return /^\d{3,4}$/.test(cvc) ? null : "must be 3 or 4 digits"
}

/** card/get's `card_type`: the reference shows "" for cards it does not name. */
export type CardBrand = "visa" | "mastercard" | ""

export function cardBrand(cardNumber: string): CardBrand {
  if (cardNumber.startsWith("4")) return "visa"
  const firstTwo = Number(cardNumber.slice(0, 2))
  const firstFour = Number(cardNumber.slice(0, 4))
  if ((firstTwo >= 51 && firstTwo <= 55) || (firstFour >= 2221 && firstFour <= 2720)) return "mastercard"
  return ""
}

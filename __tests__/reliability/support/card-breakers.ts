import fc from "fast-check"
import { VALID_CARD } from "../../e2e/support/shopper"
import { HUGE_STRINGS, NESTED, NOT_DIGITS, NUL_STRINGS, ODD_NUMBERS, UNICODE_STRINGS, WRONG_TYPES } from "./hostile-values"

/**
 * Card data with exactly one field made hostile, by construction invalid: the
 * plugin checks card data locally before anything reaches the gateway
 * (README, "Storefront data contract"), naming the first field at fault. Used
 * for the storefront's payment data and the routes that take a card.
 */
export interface BrokenCard {
  field: string
  data: Record<string, unknown>
}

const thisYear = new Date().getUTCFullYear()
const notString = fc.oneof(fc.integer(), fc.boolean(), NESTED)

/** What the plugin's expiry check accepts (1–12; a 2- or 4-digit year not in the past), so that breakers never produce it. */
function digitsOf(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isInteger(v)) return String(v)
  if (typeof v === "string" && /^\d+$/.test(v.trim())) return v.trim()
  return undefined
}
const validMonth = (v: unknown) => {
  const d = digitsOf(v)
  return d !== undefined && d.length <= 2 && Number(d) >= 1 && Number(d) <= 12
}
const validYear = (v: unknown) => {
  const d = digitsOf(v)
  return d !== undefined && (d.length === 2 || d.length === 4) && (d.length === 2 ? 2000 + Number(d) : Number(d)) >= thisYear
}

export const BREAKERS: Record<string, fc.Arbitrary<unknown>> = {
  // Any printable name is a name; nothing, more than 100 characters, or a NUL byte is not.
  cardholder_name: fc.oneof(notString, fc.constantFrom("", "   "), HUGE_STRINGS, fc.string({ minLength: 101, maxLength: 400 }).filter((s) => s.trim().length > 100), NUL_STRINGS),
  card_number: fc.oneof(
    NOT_DIGITS,
    fc.stringMatching(/^\d{1,11}$/),
    fc.stringMatching(/^\d{20,40}$/),
    fc.constantFrom("4242424242424241", "4111111111111112", "0000000000000001", 4242424242424242, "4242\u00004242424242424"),
    HUGE_STRINGS.map((s) => s.replace(/x/g, "4")),
    notString
  ),
  exp_month: fc.oneof(fc.constantFrom(0, 13, -1, 1.5, "0", "00", "13", "123", "1.5", "", "x"), ODD_NUMBERS, NOT_DIGITS, WRONG_TYPES).filter((v) => !validMonth(v)),
  exp_year: fc
    .oneof(fc.integer({ min: 1900, max: thisYear - 1 }), fc.integer({ min: 1900, max: thisYear - 1 }).map(String), fc.constantFrom("1", "123", "12345", 1e5, 20.5, ""), NOT_DIGITS, WRONG_TYPES)
    .filter((v) => !validYear(v)),
  cvc: fc.oneof(fc.constantFrom("1", "12", "12345", "abc", 123, 1234, "", "12a", "１２３"), NOT_DIGITS, UNICODE_STRINGS.filter((s) => !/^\d{3,4}$/.test(s.trim())), WRONG_TYPES),
  save_card: fc.oneof(fc.constantFrom("yes", "no", 2, -1, "TRUE ", "on"), fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !["true", "false", "1", "0"].includes(s)), NESTED),
  is_default: fc.oneof(fc.constantFrom("yes", 2, "on"), fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !["true", "false", "1", "0"].includes(s)), NESTED),
}

export const brokenCard: fc.Arbitrary<BrokenCard> = fc.oneof(
  ...Object.entries(BREAKERS).map(([field, value]) => value.map((v) => ({ field, data: { ...VALID_CARD, [field]: v } as Record<string, unknown> })))
)

/** A saved card that is not one: a malformed id, or an id sent with card details. */
export const brokenSavedCard: fc.Arbitrary<BrokenCard> = fc.oneof(
  fc.oneof(NUL_STRINGS, UNICODE_STRINGS, HUGE_STRINGS, notString, fc.constantFrom("card_", "card_!!", "cha_0a1b2c3d4e5f", "CARD_1", "card_1 OR 1=1")).map((card_id) => ({ field: "card_id", data: { card_id } })),
  fc.constant({ field: "card_id", data: { card_id: "card_0a1b2c3d4e5f6a", card_number: VALID_CARD.card_number } })
)

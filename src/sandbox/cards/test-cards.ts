/**
 * The sandbox's test cards. Exported as constants so tests (the sandbox's and
 * the plugin's) name cards by behaviour instead of repeating magic numbers.
 */
export const DECLINE_CODES = [
  "card_declined",
  "insufficient_funds",
  "expired_card",
  "incorrect_cvc",
  "processing_error",
] as const

export type DeclineCode = (typeof DECLINE_CODES)[number]

export function isDeclineCode(value: unknown): value is DeclineCode {
  return typeof value === "string" && (DECLINE_CODES as readonly string[]).includes(value)
}

export const TEST_CARDS = {
  /** Visa, always succeeds. */
  visa: "4242424242424242",
  /** Visa, always succeeds (the reference's card example). */
  visaAlternate: "4111111111111111",
  /** Mastercard, always succeeds. */
  mastercard: "5555555555554444",
  /** Declined `card_declined` when stored or charged. */
  declined: "4000000000000002",
  /** Stores fine; every charge declines `insufficient_funds`. */
  insufficientFunds: "4000000000009995",
  /** Declined `expired_card` when stored or charged. */
  expiredCard: "4000000000000069",
  /** Declined `incorrect_cvc` when stored or charged. */
  incorrectCvc: "4000000000000127",
  /** Declined `processing_error` when stored or charged. */
  processingError: "4000000000000119",
  /** Stores fine; every charge declines `card_declined`. */
  declineAfterAttaching: "4000000000000341",
} as const

/**
 * When a declining test card fails:
 * - `verify`: storing the card verifies it (card create, `save_card` on a
 *   charge, subscription update_card), so it is declined when stored and
 *   also when charged as raw details;
 * - `charge`: the card stores fine and every charge on it declines.
 */
export type DeclineMoment = "verify" | "charge"

export interface DecliningTestCard {
  readonly number: string
  readonly code: DeclineCode
  readonly when: DeclineMoment
}

export const DECLINING_TEST_CARDS: readonly DecliningTestCard[] = [
  { number: TEST_CARDS.declined, code: "card_declined", when: "verify" },
  { number: TEST_CARDS.insufficientFunds, code: "insufficient_funds", when: "charge" },
  { number: TEST_CARDS.expiredCard, code: "expired_card", when: "verify" },
  { number: TEST_CARDS.incorrectCvc, code: "incorrect_cvc", when: "verify" },
  { number: TEST_CARDS.processingError, code: "processing_error", when: "verify" },
  { number: TEST_CARDS.declineAfterAttaching, code: "card_declined", when: "charge" },
]

/** The decline behaviour of a card number, or undefined for a card that succeeds. */
export function testCardDecline(cardNumber: string): DecliningTestCard | undefined {
  return DECLINING_TEST_CARDS.find((card) => card.number === cardNumber)
}

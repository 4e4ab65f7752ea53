import { SandboxError } from "../sandbox-error"
import type { DeclineCode } from "../cards/test-cards"

const DECLINE_MESSAGES: Record<DeclineCode, string> = {
  card_declined: "Your card was declined.",
  insufficient_funds: "Your card has insufficient funds.",
  expired_card: "Your card has expired.",
  incorrect_cvc: "Your card's security code is incorrect.",
  processing_error: "An error occurred while processing your card. Try again.",
}

/** 402 with `code` and `decline_code` both set to the decline, so clients can use either. */
export function declineError(code: DeclineCode): SandboxError {
  return new SandboxError(402, code, DECLINE_MESSAGES[code], undefined, { decline_code: code })
}

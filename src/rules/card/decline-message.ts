/**
 * What a shopper reads when their card is declined. Short, plain, and never a
 * gateway internal. The code itself goes to the error's `code`.
 */
const REASONS: Record<string, string> = {
  card_declined: "the bank declined it",
  insufficient_funds: "insufficient funds",
  expired_card: "the card has expired",
  incorrect_cvc: "the security code (CVC) is incorrect",
  processing_error: "a processing error occurred, please try again",
  do_not_honor: "the bank declined it",
  lost_card: "the bank declined it",
  stolen_card: "the bank declined it",
  fraudulent: "the bank declined it",
}

export function declineMessage(declineCode: string | undefined): string {
  return `Your card was declined: ${REASONS[declineCode ?? ""] ?? "the bank declined it"}`
}

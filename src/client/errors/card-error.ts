import { InstantMerchantError, InstantMerchantErrorInit } from "./instantmerchant-error"

/** The card was declined (HTTP 402). `declineCode` says why. */
export class CardError extends InstantMerchantError {
  override readonly type = "CardError"
  /** `card_declined`, `insufficient_funds`, `expired_card`, `incorrect_cvc`, `processing_error`, ... */
  readonly declineCode: string

  constructor(init: InstantMerchantErrorInit & { declineCode?: string }) {
    super(init)
    this.declineCode = init.declineCode ?? init.code ?? "card_declined"
  }
}

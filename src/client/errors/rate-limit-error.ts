import { InstantMerchantError, InstantMerchantErrorInit } from "./instantmerchant-error"

/** Too many requests (HTTP 429). The request was refused before it was processed. */
export class RateLimitError extends InstantMerchantError {
  override readonly type = "RateLimitError"
  /** The gateway's `Retry-After`, in seconds, when it sent one. */
  readonly retryAfterSeconds?: number

  constructor(init: InstantMerchantErrorInit & { retryAfterSeconds?: number }) {
    super(init)
    this.retryAfterSeconds = init.retryAfterSeconds
  }
}

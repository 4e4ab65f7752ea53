import { InstantMerchantError } from "./instantmerchant-error"

/**
 * No answer came back. `maybeProcessed` tells the two cases apart:
 * false when the request never left (connection refused, DNS failure),
 * true when it may have reached the gateway (timeout, reset connection).
 */
export class ConnectionError extends InstantMerchantError {
  override readonly type = "ConnectionError"
}

import { CardError, InstantMerchantError, isRefusal } from "../client"

/**
 * What a failed renewal call means for the money, and so for the record:
 *
 * - `maybe_processed`: the gateway may have charged (a timeout, a reset, a
 *   5xx, or an error that is not the client's and says nothing): the attempt
 *   stays `unknown` and is replayed under the same idempotency key;
 * - `canceled_at_gateway`: 409 `subscription_canceled`; the record is canceled too;
 * - `declined`: the card was declined; the retry schedule runs, then expiry;
 * - `error`: refused or never sent, so certainly not charged, and not the
 *   card's fault: recorded, and tried again with a back-off.
 */
export type RenewalFailureKind = "maybe_processed" | "canceled_at_gateway" | "declined" | "error"

export function renewalFailureKind(e: unknown): RenewalFailureKind {
  if (!(e instanceof InstantMerchantError) || e.maybeProcessed) return "maybe_processed"
  if (isRefusal(e, "subscription_canceled")) return "canceled_at_gateway"
  if (e instanceof CardError) return "declined"
  return "error"
}

/** The `failure_code` recorded for an `error`: the gateway's code, or the error's class when the gateway gave none. */
export function errorFailureCode(e: InstantMerchantError): string {
  return e.code ?? e.type
}

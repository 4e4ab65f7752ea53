import { CardError, InstantMerchantError, isRefusal } from "../client"
import { redact } from "../client/redact"
import type { InstantMerchantSubscription, SubscriptionStatus } from "../models/instantmerchant-subscription"
import type { InstantMerchantSubscriptionRenewal } from "../models/instantmerchant-subscription-renewal"
import { declineMessage } from "../rules/card/decline-message"
import { retryAt } from "../rules/subscription/renewal-schedule"
import { errorRetryAt } from "./error-backoff"
import type { RenewResult, RowPatch } from "./renewal-outcome"
import { SUBSCRIPTION_EVENTS } from "./subscription-events"

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

/** The failure code of an attempt whose `processing_error` is replayed once before it counts as a decline. */
export const UNCONFIRMED_PROCESSING_ERROR = "processing_error_unconfirmed"

/**
 * `previousFailure` is the code the same attempt failed with before, if any.
 * A `processing_error` ("a processing error occurred, please try again") is
 * the one decline that does not say the card was not charged: a renewal
 * after it would be a new attempt under a new key, and charge again if the
 * first had gone through. So the attempt is kept open and replayed once under
 * its own key; only a second `processing_error` counts as a decline.
 */
export function renewalFailureKind(e: unknown, previousFailure?: string | null): RenewalFailureKind {
  if (!(e instanceof InstantMerchantError) || e.maybeProcessed) return "maybe_processed"
  if (isRefusal(e, "subscription_canceled")) return "canceled_at_gateway"
  if (e instanceof CardError && e.declineCode === "processing_error" && previousFailure !== UNCONFIRMED_PROCESSING_ERROR) return "maybe_processed"
  if (e instanceof CardError) return "declined"
  return "error"
}

/** The `failure_code` recorded for an `error`: the gateway's code, or the error's class when the gateway gave none. */
export function errorFailureCode(e: InstantMerchantError): string {
  return e.code ?? e.type
}

/** What a failed renewal call writes: to its attempt, to the subscription row, and which events follow. */
export interface RenewalFailure {
  result: Extract<RenewResult, "unknown" | "canceled" | "declined" | "errored">
  attempt: Partial<InstantMerchantSubscriptionRenewal>
  /** Undefined: the row is left as it is. */
  row?: RowPatch
  events: Array<{ event: string; status: SubscriptionStatus }>
  /** For `errored`: the gateway's refusal, for an admin's answer. */
  error?: InstantMerchantError
}

/**
 * The decision, without the database: what the failure `e` of a renewal of
 * `subscription` means for its attempt and its row at `now`.
 */
export function renewalFailure(
  e: unknown,
  subscription: Pick<InstantMerchantSubscription, "status" | "current_period_end" | "failed_attempts" | "error_attempts">,
  now: Date,
  retryHours: readonly number[],
  previousFailure?: string | null
): RenewalFailure {
  switch (renewalFailureKind(e, previousFailure)) {
    case "maybe_processed": {
      // Maybe charged: keep the attempt open; the next run replays it under the same key.
      const message = e instanceof Error ? redact(e.message) : "the gateway call failed in an unexpected way"
      const failure_code = e instanceof CardError ? UNCONFIRMED_PROCESSING_ERROR : "maybe_processed"
      return { result: "unknown", attempt: { status: "unknown", failure_code, failure_message: message }, events: [] }
    }
    case "canceled_at_gateway":
      return {
        result: "canceled",
        attempt: { status: "failed", failure_code: "subscription_canceled", failure_message: "The subscription was canceled at the gateway", finished_at: now },
        row: { status: "canceled", canceled_at: now, next_renewal_at: null },
        events: [{ event: SUBSCRIPTION_EVENTS.canceled, status: "canceled" }],
      }
    case "declined": {
      const declineCode = (e as CardError).declineCode
      const failed = subscription.failed_attempts + 1
      const next = retryAt(subscription.current_period_end, failed, retryHours)
      const status: SubscriptionStatus = next ? "past_due" : "expired"
      return {
        result: "declined",
        attempt: { status: "failed", failure_code: declineCode, failure_message: declineMessage(declineCode), finished_at: now },
        row: { failed_attempts: failed, error_attempts: 0, status, next_renewal_at: next },
        events: [{ event: SUBSCRIPTION_EVENTS.renewalFailed, status }, ...(next ? [] : [{ event: SUBSCRIPTION_EVENTS.expired, status }])],
      }
    }
    case "error": {
      // Certainly not charged, and not the card's fault: no decline is counted; the job backs off.
      const error = e as InstantMerchantError
      const errors = subscription.error_attempts + 1
      return {
        result: "errored",
        attempt: { status: "failed", failure_code: errorFailureCode(error), failure_message: error.message, finished_at: now },
        row: { error_attempts: errors, next_renewal_at: errorRetryAt(now, errors) },
        events: [],
        error,
      }
    }
  }
}

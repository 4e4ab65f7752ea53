import { isBillingInterval, type BillingInterval } from "../billing-interval"
import type { Fields } from "../http/fields"
import { invalidParam, missingParam } from "../sandbox-error"
import type { PaymentMode } from "../store/state"

/** Reference: "A positive integer representing how much to charge the card. The minimum amount is $1 USD". */
export const MINIMUM_AMOUNT = 100

export function readAmount(fields: Fields): number {
  return fields.integer("amount", MINIMUM_AMOUNT, `must be at least ${MINIMUM_AMOUNT} cents (the minimum amount is $1 USD)`)
}

/** Reference: "Only allowed currency is usd" (any case; default usd). */
export function readCurrency(fields: Fields): string {
  const currency = (fields.optionalString("currency") ?? "usd").toLowerCase()
  if (currency !== "usd") throw invalidParam("currency", "only usd is allowed")
  return currency
}

export function readPaymentMode(fields: Fields): PaymentMode {
  return fields.choice("payment_mode", ["auth_and_capture", "auth_only"] as const, "auth_and_capture")
}

/**
 * `payment_type` is one_time (default) or recurring; recurring needs an
 * `interval` (reference: "Required, when payment_type is set to `recurring`").
 * Answers the interval, or null for a one-time payment.
 */
export function readRecurrence(fields: Fields): BillingInterval | null {
  const paymentType = fields.choice("payment_type", ["one_time", "recurring"] as const, "one_time")
  if (paymentType === "one_time") return null
  const interval = fields.optionalString("interval")?.toLowerCase()
  if (interval === undefined) throw missingParam("interval")
  if (!isBillingInterval(interval)) throw invalidParam("interval", "must be one of weekly, monthly, quarterly, yearly")
  return interval
}

/** The answer fields a new subscription adds. */
export function subscriptionAnswer(subscription: { subscription_id: string; expiry_date: number } | null): Record<string, unknown> {
  if (!subscription) return {}
  return { subscription_id: subscription.subscription_id, expiry_date: subscription.expiry_date }
}

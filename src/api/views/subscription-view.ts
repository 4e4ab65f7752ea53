import type { InstantMerchantSubscription } from "../../models/instantmerchant-subscription"
import type { InstantMerchantSubscriptionRenewal } from "../../models/instantmerchant-subscription-renewal"

type SubscriptionFields = "id" | "gateway_subscription_id" | "status" | "interval" | "amount" | "currency_code" | "customer_id" | "email" | "order_id" | "cart_id" | "card_id" | "card_last_4" | "current_period_start" | "current_period_end" | "next_renewal_at" | "failed_attempts" | "error_attempts" | "canceled_at" | "created_at" | "updated_at"
type RenewalFields = "id" | "period_start" | "period_end" | "attempt" | "status" | "trigger" | "amount" | "charge_id" | "invoice_num" | "failure_code" | "failure_message" | "order_id" | "attempted_at" | "finished_at"

/** A renewal attempt as the routes answer it. The admin reads it as JSON (see admin/lib/types.ts). */
export type RenewalView = Pick<InstantMerchantSubscriptionRenewal, RenewalFields> & { trigger: "job" | "admin" }

/** A subscription as the admin and store routes answer it, with its renewals when they were read. */
export type SubscriptionView = Pick<InstantMerchantSubscription, SubscriptionFields> & { renewals?: RenewalView[] }

/** A subscription as the admin and store routes answer it. */
export function subscriptionView(s: InstantMerchantSubscription): SubscriptionView {
  return {
    id: s.id,
    gateway_subscription_id: s.gateway_subscription_id,
    status: s.status,
    interval: s.interval,
    amount: s.amount,
    currency_code: s.currency_code,
    customer_id: s.customer_id,
    email: s.email,
    order_id: s.order_id,
    cart_id: s.cart_id,
    card_id: s.card_id,
    card_last_4: s.card_last_4,
    current_period_start: s.current_period_start,
    current_period_end: s.current_period_end,
    next_renewal_at: s.next_renewal_at,
    failed_attempts: s.failed_attempts,
    error_attempts: s.error_attempts,
    canceled_at: s.canceled_at,
    created_at: s.created_at,
    updated_at: s.updated_at,
    ...(s.renewals ? { renewals: [...s.renewals].sort(byPeriodAndAttempt).map(renewalView) } : {}),
  }
}

export function renewalView(r: InstantMerchantSubscriptionRenewal): RenewalView {
  return {
    id: r.id,
    period_start: r.period_start,
    period_end: r.period_end,
    attempt: r.attempt,
    status: r.status,
    trigger: r.trigger as RenewalView["trigger"],
    amount: r.amount,
    charge_id: r.charge_id,
    invoice_num: r.invoice_num,
    failure_code: r.failure_code,
    failure_message: r.failure_message,
    order_id: r.order_id,
    attempted_at: r.attempted_at,
    finished_at: r.finished_at,
  }
}

/**
 * By period, then attempt number: the order the renewals happened in. Not by
 * `attempted_at`, which each instance's job takes from its own reading of the
 * clock at the start of its run, so two instances can stamp them out of order.
 */
function byPeriodAndAttempt(a: InstantMerchantSubscriptionRenewal, b: InstantMerchantSubscriptionRenewal): number {
  return new Date(a.period_start).getTime() - new Date(b.period_start).getTime() || a.attempt - b.attempt
}

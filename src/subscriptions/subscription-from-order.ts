import type { InstantMerchantSubscription } from "../models/instantmerchant-subscription"
import { BillingInterval, isBillingInterval } from "../rules/subscription/billing-interval"
import { renewalDueAt } from "../rules/subscription/renewal-schedule"

/** An order's payment, as far as recording its subscription reads it. */
export interface OrderPayment {
  provider_id: string
  amount: number
  currency_code: string
  data: Record<string, unknown> | null
}

/** A payment whose data opened a subscription at the gateway. */
export type SubscriptionPayment = OrderPayment & { data: { subscription_id: string; interval: BillingInterval; expiry_date: number; card_id?: string; card_last_4?: string } }

/** Whether `payment` is an InstantMerchant payment that opened a subscription. */
export function opensSubscription(payment: OrderPayment): payment is SubscriptionPayment {
  const data = payment.data ?? {}
  return String(payment.provider_id).startsWith("instantmerchant") && typeof data.subscription_id === "string" && isBillingInterval(data.interval) && typeof data.expiry_date === "number"
}

/** The record of the subscription a payment opened: active from `now` to the gateway's period end. */
export function subscriptionFromPayment(
  order: { id: string; email: string; customer_id?: string | null; cart_id?: string | null },
  payment: SubscriptionPayment,
  now: Date,
  leadHours: number
): Partial<InstantMerchantSubscription> {
  const periodEnd = new Date(payment.data.expiry_date * 1000)
  return {
    gateway_subscription_id: payment.data.subscription_id,
    customer_id: order.customer_id ?? null,
    email: order.email,
    order_id: order.id,
    cart_id: order.cart_id ?? null,
    interval: payment.data.interval,
    amount: payment.amount,
    currency_code: payment.currency_code,
    card_id: payment.data.card_id,
    card_last_4: payment.data.card_last_4,
    status: "active",
    current_period_start: now,
    current_period_end: periodEnd,
    next_renewal_at: renewalDueAt(periodEnd, leadHours),
    failed_attempts: 0,
  }
}

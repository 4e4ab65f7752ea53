import { addInterval, type BillingInterval } from "../billing-interval"
import { stateConflict, unknownResource } from "../sandbox-error"
import { newId, type ChargeRecord, type EnvironmentState, type SubscriptionRecord } from "../store/state"

/**
 * Opens a subscription on the charge that paid its first period. Reference
 * (New Subscription): "You can create subscription on Invoice creation or
 * Direct payment." `expiry_date` is the end of the paid period.
 */
export function openSubscription(env: EnvironmentState, charge: ChargeRecord, interval: BillingInterval, now: number): SubscriptionRecord {
  const subscription: SubscriptionRecord = {
    subscription_id: newId("sub"),
    status: "active",
    customer_id: charge.customer_id,
    card_id: charge.card_id,
    amount: charge.amount,
    currency: charge.currency,
    interval,
    description: charge.description,
    created_at: now,
    expiry_date: addInterval(now, interval),
    canceled_at: null,
    charge_ids: [charge.charge_id],
    invoice_nums: charge.invoice_num === null ? [] : [charge.invoice_num],
  }
  env.touch(charge).subscription_id = subscription.subscription_id
  env.subscriptions.add(subscription)
  return subscription
}

export function findSubscription(env: EnvironmentState, subscriptionId: string): SubscriptionRecord {
  const subscription = env.subscriptions.get(subscriptionId)
  if (!subscription) throw unknownResource("subscription_id", subscriptionId, "subscription")
  return subscription
}

export function requireActive(subscription: SubscriptionRecord): void {
  if (subscription.status === "canceled") {
    throw stateConflict("subscription_canceled", `subscription ${subscription.subscription_id} is canceled`)
  }
}

import type { InstantMerchantSubscription } from "../models/instantmerchant-subscription"

/** The events the plugin emits about subscriptions, for a shop's own subscribers. */
export const SUBSCRIPTION_EVENTS = {
  created: "instantmerchant.subscription.created",
  renewed: "instantmerchant.subscription.renewed",
  renewalFailed: "instantmerchant.subscription.renewal_failed",
  canceled: "instantmerchant.subscription.canceled",
  expired: "instantmerchant.subscription.expired",
  renewalOrderFailed: "instantmerchant.subscription.renewal_order_failed",
} as const

/** What an event carries about its subscription. */
export type EventSubject = Pick<InstantMerchantSubscription, "id" | "status" | "customer_id">

export function subject(subscription: EventSubject): EventSubject {
  return { id: subscription.id, status: subscription.status, customer_id: subscription.customer_id }
}

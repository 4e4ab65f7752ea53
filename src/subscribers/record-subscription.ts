import { OrderService, type SubscriberArgs, type SubscriberConfig } from "@medusajs/medusa"
import type InstantMerchantSubscriptionService from "../services/instantmerchant-subscription"

/** When an order is placed, records the subscription its InstantMerchant charge opened, if any. */
export default async function recordSubscription({ data, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  const subscriptions = container.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
  await subscriptions.recordFromOrder(data.id)
}

export const config: SubscriberConfig = {
  event: OrderService.Events.PLACED,
  context: { subscriberId: "instantmerchant-record-subscription" },
}

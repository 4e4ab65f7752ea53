import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework/subscribers"
import { recordSubscriptionsWorkflow } from "../workflows/record-subscriptions"

/** Records the subscriptions an order opened, when it is placed (v1's subscribers/record-subscription.ts). */
export default async function recordSubscriptions({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await recordSubscriptionsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }

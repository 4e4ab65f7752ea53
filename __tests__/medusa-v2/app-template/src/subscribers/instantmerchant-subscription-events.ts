import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"

/**
 * A shop's own subscriber of the plugin's subscription events, as the README
 * suggests (to notify customers): here it logs each one, so that the suite
 * can check which events the plugin emitted, and with what.
 */
export default async function logSubscriptionEvent({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  container.resolve("logger").info(`[test-store] event ${event.name} ${JSON.stringify(event.data)}`)
}

export const config: SubscriberConfig = {
  event: [
    "instantmerchant.subscription.created",
    "instantmerchant.subscription.renewed",
    "instantmerchant.subscription.renewal_failed",
    "instantmerchant.subscription.canceled",
    "instantmerchant.subscription.expired",
    "instantmerchant.subscription.renewal_order_failed",
  ],
}

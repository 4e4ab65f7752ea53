import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import SubscriptionsModule from "../modules/instantmerchant-subscriptions"

/**
 * A renewal's order (`subscription_renewal_orders`), through the renewal's
 * `order_id` column: a read-only link (no link table, no migration), as the
 * invoice's. The subscription–order link is the first order's only: Medusa
 * allows one order per subscription there.
 * `query.graph({ entity: "instantmerchant_subscription_renewal", fields: ["renewal_order.*"] })`.
 */
export default defineLink(
  { linkable: SubscriptionsModule.linkable.instantmerchantSubscriptionRenewal, field: "order_id" },
  // Its own alias: `order` is the subscription–order link's on this module.
  { linkable: OrderModule.linkable.order, alias: "renewal_order" },
  { readOnly: true }
)

import OrderModule from "@medusajs/medusa/order"
import { defineLink } from "@medusajs/framework/utils"
import SubscriptionsModule from "../modules/instantmerchant-subscriptions"

/** The order that opened a subscription. */
export default defineLink(OrderModule.linkable.order, { linkable: SubscriptionsModule.linkable.instantmerchantSubscription, isList: true })

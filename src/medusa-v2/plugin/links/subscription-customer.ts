import CustomerModule from "@medusajs/medusa/customer"
import { defineLink } from "@medusajs/framework/utils"
import SubscriptionsModule from "../modules/instantmerchant-subscriptions"

/** A customer's InstantMerchant subscriptions (`query.graph({ entity: "customer", fields: ["instantmerchant_subscriptions.*"] })`). */
export default defineLink(CustomerModule.linkable.customer, { linkable: SubscriptionsModule.linkable.instantmerchantSubscription, isList: true })

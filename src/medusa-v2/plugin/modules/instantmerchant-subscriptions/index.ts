import { Module } from "@medusajs/framework/utils"
import { InstantMerchantSubscriptionsService } from "./service"

/** The container key of the subscriptions module (`req.scope.resolve(INSTANTMERCHANT_SUBSCRIPTIONS)`). */
export const INSTANTMERCHANT_SUBSCRIPTIONS = "instantmerchant_subscriptions"

export default Module(INSTANTMERCHANT_SUBSCRIPTIONS, { service: InstantMerchantSubscriptionsService })

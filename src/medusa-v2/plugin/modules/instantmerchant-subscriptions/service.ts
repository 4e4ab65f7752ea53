import { MedusaService } from "@medusajs/framework/utils"
import { InstantMerchantSubscription } from "./models/instantmerchant-subscription"
import { InstantMerchantSubscriptionRenewal } from "./models/instantmerchant-subscription-renewal"

/** The subscriptions module's service: Medusa's generated CRUD over the two models. */
export class InstantMerchantSubscriptionsService extends MedusaService({
  InstantMerchantSubscription,
  InstantMerchantSubscriptionRenewal,
}) {}

export default InstantMerchantSubscriptionsService

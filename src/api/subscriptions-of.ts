import type { MedusaRequest } from "@medusajs/medusa"
import type InstantMerchantSubscriptionService from "../services/instantmerchant-subscription"

/** The subscription service of a request's scope. */
export function subscriptionsOf(req: MedusaRequest): InstantMerchantSubscriptionService {
  return req.scope.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
}

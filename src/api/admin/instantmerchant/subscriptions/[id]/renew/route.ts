import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pathParam } from "../../../../../query-params"
import type InstantMerchantSubscriptionService from "../../../../../../services/instantmerchant-subscription"
import { renewalView, subscriptionView } from "../../../../../../subscription/subscription-view"
import { toMedusaError } from "../../../../../../subscription/to-medusa-error"

/**
 * POST /admin/instantmerchant/subscriptions/:id/renew: renews now. A decline
 * is an answer, not an error: the attempt is recorded and the subscription is
 * past due; `renewal` says what happened.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const service = req.scope.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
  try {
    const { subscription, renewal } = await service.renew(pathParam(req.params, "id"), { trigger: "admin" })
    res.json({ subscription: subscriptionView(subscription), renewal: renewal ? renewalView(renewal) : null })
  } catch (e) {
    throw toMedusaError(e, "renewal")
  }
}

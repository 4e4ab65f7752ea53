import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type InstantMerchantSubscriptionService from "../../../../../../../../services/instantmerchant-subscription"
import { subscriptionView } from "../../../../../../../../subscription/subscription-view"
import { toMedusaError } from "../../../../../../../../subscription/to-medusa-error"
import { bodyObject, pathParam } from "../../../../../../../query-params"
import { customerIdOf } from "../../../customer-id"

/**
 * POST /store/customers/me/instantmerchant/subscriptions/:id/card with the
 * checkout's card fields. The card passes through memory to the gateway only.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const service = req.scope.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
  try {
    const subscription = await service.updateCard(pathParam(req.params, "id"), customerIdOf(req), bodyObject(req.body))
    res.json({ subscription: subscriptionView(subscription) })
  } catch (e) {
    throw toMedusaError(e, "card update")
  }
}

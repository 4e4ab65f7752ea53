import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pathParam } from "../../../../../../../query-params"
import type InstantMerchantSubscriptionService from "../../../../../../../../services/instantmerchant-subscription"
import { subscriptionView } from "../../../../../../../../subscription/subscription-view"
import { toMedusaError } from "../../../../../../../../subscription/to-medusa-error"
import { customerIdOf } from "../../../customer-id"

/** POST /store/customers/me/instantmerchant/subscriptions/:id/cancel: another customer's is a 404. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const service = req.scope.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
  try {
    res.json({ subscription: subscriptionView(await service.cancel(pathParam(req.params, "id"), { customerId: customerIdOf(req) })) })
  } catch (e) {
    throw toMedusaError(e, "cancellation")
  }
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pathParam } from "../../../../query-params"
import type InstantMerchantSubscriptionService from "../../../../../services/instantmerchant-subscription"
import { subscriptionView } from "../../../../../subscription/subscription-view"

/** GET /admin/instantmerchant/subscriptions/:id, with its renewals. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const service = req.scope.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
  res.json({ subscription: subscriptionView(await service.retrieve(pathParam(req.params, "id"))) })
}

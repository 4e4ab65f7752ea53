import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type InstantMerchantSubscriptionService from "../../../../services/instantmerchant-subscription"
import { subscriptionView } from "../../../../subscription/subscription-view"
import { oneOf, optionalId, pagination } from "../../../query-params"

/** GET /admin/instantmerchant/subscriptions?status=&customer_id=&offset=&limit= */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const query = req.query as Record<string, unknown>
  const page = pagination(query)
  const filters = {
    status: oneOf(query.status, "status", ["active", "past_due", "canceled", "expired"] as const),
    customer_id: optionalId(query.customer_id, "customer_id"),
  }
  const service = req.scope.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
  const [subscriptions, count] = await service.list(filters, page)
  res.json({ subscriptions: subscriptions.map(subscriptionView), count, ...page })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type InstantMerchantSubscriptionService from "../../../../../../services/instantmerchant-subscription"
import { subscriptionView } from "../../../../../../subscription/subscription-view"
import { oneOf, pagination } from "../../../../../query-params"
import { customerIdOf } from "../customer-id"

/** GET /store/customers/me/instantmerchant/subscriptions: the signed-in customer's own. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const query = req.query as Record<string, unknown>
  const page = pagination(query)
  const status = oneOf(query.status, "status", ["active", "past_due", "canceled", "expired"] as const)
  const service = req.scope.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
  const [subscriptions, count] = await service.list({ customer_id: customerIdOf(req), status }, page)
  res.json({ subscriptions: subscriptions.map(subscriptionView), count, ...page })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { subscriptionView } from "../../../views/subscription-view"
import { oneOf, optionalId, pagination } from "../../../../rules/input/input-fields"
import { subscriptionsOf } from "../../../subscriptions-of"
import { respond } from "../../../respond"

/** GET /admin/instantmerchant/subscriptions?status=&customer_id=&offset=&limit= */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "subscription list", async () => {
    const query = req.query as Record<string, unknown>
    const page = pagination(query)
    const filters = {
      status: oneOf(query.status, "status", ["active", "past_due", "canceled", "expired"] as const),
      customer_id: optionalId(query.customer_id, "customer_id"),
    }
    const [subscriptions, count] = await subscriptionsOf(req).list(filters, page)
    return { subscriptions: subscriptions.map(subscriptionView), count, ...page }
  })
}

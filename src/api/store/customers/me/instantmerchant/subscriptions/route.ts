import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { subscriptionView } from "../../../../../views/subscription-view"
import { subscriptionsOf } from "../../../../../subscriptions-of"
import { oneOf, pagination } from "../../../../../../rules/input/input-fields"
import { respond } from "../../../../../respond"
import { customerIdOf } from "../customer-id"

/** GET /store/customers/me/instantmerchant/subscriptions: the signed-in customer's own. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "subscription list", async () => {
    const query = req.query as Record<string, unknown>
    const page = pagination(query)
    const status = oneOf(query.status, "status", ["active", "past_due", "canceled", "expired"] as const)
    const [subscriptions, count] = await subscriptionsOf(req).list({ customer_id: customerIdOf(req), status }, page)
    return { subscriptions: subscriptions.map(subscriptionView), count, ...page }
  })
}

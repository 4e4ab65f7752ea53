import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { respond } from "../../../../../../http/respond"
import { customerIdOf, subscriptionsOf, viewOf } from "../../../../../../http/subscriptions-of"
import type { StoreSubscriptionListQuery } from "../../../../../../http/validators"

/** GET /store/customers/me/instantmerchant/subscriptions: the signed-in customer's own, newest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreSubscriptionListQuery>, res: MedusaResponse): Promise<void> {
  await respond(req, res, "subscription list", async () => {
    const { status, offset, limit } = req.validatedQuery as StoreSubscriptionListQuery
    const filters = { customer_id: customerIdOf(req), ...(status ? { status } : {}) }
    const [rows, count] = await subscriptionsOf(req).listAndCountInstantmerchantSubscriptions(filters, { skip: offset, take: limit, order: { created_at: "DESC" } })
    return { subscriptions: rows.map(viewOf), count, offset, limit }
  })
}

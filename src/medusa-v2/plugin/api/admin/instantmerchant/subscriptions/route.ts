import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { respond } from "../../../../http/respond"
import { subscriptionsOf, viewOf } from "../../../../http/subscriptions-of"
import type { AdminSubscriptionListQuery } from "../../../../http/validators"

/** GET /admin/instantmerchant/subscriptions?status=&customer_id=&offset=&limit=, newest first (v1's answer). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminSubscriptionListQuery>, res: MedusaResponse): Promise<void> {
  await respond(req, res, "subscription list", async () => {
    const { status, customer_id, offset, limit } = req.validatedQuery as AdminSubscriptionListQuery
    const filters = { ...(status ? { status } : {}), ...(customer_id ? { customer_id } : {}) }
    const [rows, count] = await subscriptionsOf(req).listAndCountInstantmerchantSubscriptions(filters, { skip: offset, take: limit, order: { created_at: "DESC" } })
    return { subscriptions: rows.map(viewOf), count, offset, limit }
  })
}

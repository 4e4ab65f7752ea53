import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { respond } from "../../../../../http/respond"
import { subscriptionsOf, viewOf } from "../../../../../http/subscriptions-of"

/** GET /admin/instantmerchant/subscriptions/:id, with its renewals. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "subscription retrieve", async () => ({ subscription: viewOf(await subscriptionsOf(req).retrieveWithRenewals(req.params.id)) }))
}

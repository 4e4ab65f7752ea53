import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { subscriptionView } from "../../../../views/subscription-view"
import { pathParam } from "../../../../../rules/input/input-fields"
import { respond } from "../../../../respond"
import { subscriptionsOf } from "../../../../subscriptions-of"

/** GET /admin/instantmerchant/subscriptions/:id, with its renewals. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "subscription retrieve", async () => ({ subscription: subscriptionView(await subscriptionsOf(req).retrieve(pathParam(req.params, "id"))) }))
}

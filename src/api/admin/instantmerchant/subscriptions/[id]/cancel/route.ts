import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { subscriptionView } from "../../../../../views/subscription-view"
import { pathParam } from "../../../../../../rules/input/input-fields"
import { respond } from "../../../../../respond"
import { subscriptionsOf } from "../../../../../subscriptions-of"

/** POST /admin/instantmerchant/subscriptions/:id/cancel, at the gateway and here. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "subscription cancellation", async () => ({ subscription: subscriptionView(await subscriptionsOf(req).cancel(pathParam(req.params, "id"))) }))
}

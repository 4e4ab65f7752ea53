import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { subscriptionView } from "../../../../../../../views/subscription-view"
import { subscriptionsOf } from "../../../../../../../subscriptions-of"
import { pathParam } from "../../../../../../../../rules/input/input-fields"
import { respond } from "../../../../../../../respond"
import { customerIdOf } from "../../../customer-id"

/** POST /store/customers/me/instantmerchant/subscriptions/:id/cancel: another customer's is a 404. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "subscription cancellation", async () => ({
    subscription: subscriptionView(await subscriptionsOf(req).cancel(pathParam(req.params, "id"), { customerId: customerIdOf(req) })),
  }))
}

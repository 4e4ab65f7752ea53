import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { subscriptionView } from "../../../../../../../views/subscription-view"
import { subscriptionsOf } from "../../../../../../../subscriptions-of"
import { bodyObject, pathParam } from "../../../../../../../../rules/input/input-fields"
import { respond } from "../../../../../../../respond"
import { customerIdOf } from "../../../customer-id"

/**
 * POST /store/customers/me/instantmerchant/subscriptions/:id/card with the
 * checkout's card fields. The card passes through memory to the gateway only.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "card update", async () => ({
    subscription: subscriptionView(await subscriptionsOf(req).updateCard(pathParam(req.params, "id"), customerIdOf(req), bodyObject(req.body))),
  }))
}

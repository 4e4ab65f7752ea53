import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { respondOr } from "../../../../../../http/run-route"
import { subscriptionsOf, viewOf } from "../../../../../../http/subscriptions-of"
import { cancelSubscriptionWorkflow } from "../../../../../../workflows/cancel-subscription"

/** POST /admin/instantmerchant/subscriptions/:id/cancel, at the gateway and here. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respondOr(req, res, "subscription cancellation", async () => {
    const { result } = await cancelSubscriptionWorkflow(req.scope).run({ input: { id: req.params.id } })
    return { refusal: result.refusal, answer: async () => ({ subscription: viewOf(await subscriptionsOf(req).retrieveWithRenewals(req.params.id)) }) }
  })
}

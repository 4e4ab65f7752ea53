import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { respondOr } from "../../../../../../../../http/run-route"
import { customerIdOf, subscriptionsOf, viewOf } from "../../../../../../../../http/subscriptions-of"
import { cancelSubscriptionWorkflow } from "../../../../../../../../workflows/cancel-subscription"

/** POST /store/customers/me/instantmerchant/subscriptions/:id/cancel: another customer's is a 404. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respondOr(req, res, "subscription cancellation", async () => {
    const customerId = customerIdOf(req)
    const { result } = await cancelSubscriptionWorkflow(req.scope).run({ input: { id: req.params.id, customer_id: customerId } })
    return { refusal: result.refusal, answer: async () => ({ subscription: viewOf(await subscriptionsOf(req).retrieveWithRenewals(req.params.id, { customerId })) }) }
  })
}

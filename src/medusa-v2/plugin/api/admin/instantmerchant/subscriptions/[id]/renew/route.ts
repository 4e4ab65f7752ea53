import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renewalView } from "../../../../../../../../api/views/subscription-view"
import { respondOr } from "../../../../../../http/run-route"
import { subscriptionsOf, viewOf } from "../../../../../../http/subscriptions-of"
import type { AdminRenewSubscriptionBody } from "../../../../../../http/validators"
import { renewSubscriptionWorkflow } from "../../../../../../workflows/renew-subscription"

/**
 * POST /admin/instantmerchant/subscriptions/:id/renew: renews now, through
 * the renewal workflow. A decline is an answer, not an error: the attempt is
 * recorded and the subscription is past due; `renewal` says what happened.
 * With `{ expected_period_end }`, a subscription renewed meanwhile is a 409
 * instead of a second renewal.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRenewSubscriptionBody>, res: MedusaResponse): Promise<void> {
  const id = req.params.id
  const subscriptions = subscriptionsOf(req)
  await respondOr(req, res, "subscription renewal", async () => {
    const now = (await subscriptions.now()).toISOString()
    const { result } = await renewSubscriptionWorkflow(req.scope).run({ input: { id, trigger: "admin", now, expected_period_end: req.validatedBody?.expected_period_end } })
    return {
      refusal: result.refusal,
      answer: async () => {
        const subscription = await subscriptions.retrieveWithRenewals(id)
        const renewal = subscription.renewals?.find((r) => r?.id === result.renewal_id)
        return { subscription: viewOf(subscription), renewal: renewal ? renewalView(renewal as never) : null }
      },
    }
  })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { isoDateTimeField } from "../../../../../../rules/input/iso-date-time"
import { renewalView, subscriptionView } from "../../../../../views/subscription-view"
import { bodyObject, pathParam } from "../../../../../../rules/input/input-fields"
import { respond } from "../../../../../respond"
import { subscriptionsOf } from "../../../../../subscriptions-of"

/**
 * POST /admin/instantmerchant/subscriptions/:id/renew: renews now. A decline
 * is an answer, not an error: the attempt is recorded and the subscription is
 * past due; `renewal` says what happened.
 *
 * Body (optional): `{ expected_period_end }`, the period end the admin saw;
 * if the subscription was renewed meanwhile, the answer is a 409 instead of
 * a second renewal.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "subscription renewal", async () => {
    const expected = bodyObject(req.body).expected_period_end
    const expectedPeriodEnd = expected === undefined ? undefined : isoDateTimeField("expected_period_end", expected)
    const { subscription, renewal } = await subscriptionsOf(req).renew(pathParam(req.params, "id"), { trigger: "admin", expectedPeriodEnd })
    return { subscription: subscriptionView(subscription), renewal: renewal ? renewalView(renewal) : null }
  })
}

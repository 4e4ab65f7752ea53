import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { bodyObject, pathParam } from "../../../../../query-params"
import type InstantMerchantSubscriptionService from "../../../../../../services/instantmerchant-subscription"
import { renewalView, subscriptionView } from "../../../../../../subscription/subscription-view"
import { answeredConflict, toMedusaError } from "../../../../../../subscription/to-medusa-error"
import { MedusaError } from "@medusajs/utils"

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
  const service = req.scope.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
  const body = bodyObject(req.body)
  const expected = body.expected_period_end
  let expectedPeriodEnd: Date | undefined
  if (expected !== undefined) {
    expectedPeriodEnd = typeof expected === "string" ? new Date(expected) : new Date(NaN)
    if (Number.isNaN(expectedPeriodEnd.getTime())) throw new MedusaError(MedusaError.Types.INVALID_DATA, "expected_period_end: must be an ISO 8601 date and time")
  }
  try {
    const { subscription, renewal } = await service.renew(pathParam(req.params, "id"), { trigger: "admin", expectedPeriodEnd })
    res.json({ subscription: subscriptionView(subscription), renewal: renewal ? renewalView(renewal) : null })
  } catch (e) {
    if (answeredConflict(e, res)) return
    throw toMedusaError(e, "renewal")
  }
}

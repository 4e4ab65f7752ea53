import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { respond } from "../../../../../../../../http/respond"
import { customerIdOf, subscriptionsOf, viewOf } from "../../../../../../../../http/subscriptions-of"

/**
 * POST /store/customers/me/instantmerchant/subscriptions/:id/card with the
 * checkout's card fields. The card passes through memory to the gateway only.
 * No workflow: one gateway call under the row lock, nothing to compensate.
 */
export async function POST(req: AuthenticatedMedusaRequest<Record<string, unknown>>, res: MedusaResponse): Promise<void> {
  await respond(req, res, "card update", async () => {
    const customerId = customerIdOf(req)
    const subscriptions = subscriptionsOf(req)
    await subscriptions.updateCardLocked(req.params.id, customerId, { ...(req.validatedBody ?? {}) }, await subscriptions.now())
    return { subscription: viewOf(await subscriptions.retrieveWithRenewals(req.params.id, { customerId })) }
  })
}

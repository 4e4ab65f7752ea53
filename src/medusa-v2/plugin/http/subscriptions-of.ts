import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { subscriptionView, SubscriptionView } from "../../../api/views/subscription-view"
import { INSTANTMERCHANT_SUBSCRIPTIONS } from "../modules/instantmerchant-subscriptions"
import type { InstantMerchantSubscriptionsService } from "../modules/instantmerchant-subscriptions/service"

export function subscriptionsOf(req: MedusaRequest): InstantMerchantSubscriptionsService {
  return req.scope.resolve<InstantMerchantSubscriptionsService>(INSTANTMERCHANT_SUBSCRIPTIONS)
}

/** v1's view of a subscription (src/api/views), over the module's record: the same fields, the same JSON. */
export function viewOf(subscription: unknown): SubscriptionView {
  return subscriptionView(subscription as Parameters<typeof subscriptionView>[0])
}

/**
 * The customer this request is authenticated as: Medusa authenticates
 * /store/customers/me* and sets `auth_context.actor_id`. Never a customer id
 * from the body, the query or a cart.
 */
export function customerIdOf(req: MedusaRequest): string {
  const id = (req as MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }).auth_context
  if (!id?.actor_id || id.actor_type !== "customer") throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in to manage your subscriptions")
  return id.actor_id
}

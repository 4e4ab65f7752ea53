import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { httpErrorOf } from "../../../api/http-error"
import { InputError } from "../../../rules/input/input-error"
import { intervalOfCart } from "../../../rules/subscription/cart-interval"
import { answerError } from "./respond"
import { subscriptionsOf } from "./subscriptions-of"
import { CARD_PROVIDER, INVOICE_PROVIDER } from "./provider-ids"

type Line = { title?: string | null; variant?: { metadata?: Record<string, unknown> | null } | null; product?: { metadata?: Record<string, unknown> | null } | null }

/**
 * On `POST /store/payment-collections/:id/payment-sessions` with an
 * InstantMerchant provider: the billing interval of the cart, read from its
 * lines (a variant's or product's `instantmerchant_interval` metadata, v1's
 * rule `intervalOfCart`, with `subscription_allow_mixed_cart`), written into
 * the session data the card provider receives. Whatever `interval` the
 * storefront sent is replaced: whether a charge recurs is the shop's
 * catalogue's word, never the storefront's.
 */
export async function subscriptionIntervalMiddleware(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  try {
    const body = (req.body ?? {}) as { provider_id?: unknown; data?: Record<string, unknown> }
    if (body.provider_id !== CARD_PROVIDER && body.provider_id !== INVOICE_PROVIDER) return next()
    const interval = await intervalOfCollection(req, req.params.id)
    if (interval && body.provider_id === INVOICE_PROVIDER) {
      throw new InputError("provider_id", "pay by invoice does not open subscriptions on Medusa 2.x yet: pay for a subscription by card")
    }
    for (const target of [body, req.validatedBody as typeof body | undefined]) {
      if (!target) continue
      const data = { ...(target.data ?? {}) }
      delete data.interval
      target.data = interval ? { ...data, interval } : data
    }
    next()
  } catch (e) {
    answerError(req, res, httpErrorOf(e, "payment setup"), "payment setup")
  }
}

async function intervalOfCollection(req: MedusaRequest, paymentCollectionId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "cart.items.title", "cart.items.variant.metadata", "cart.items.product.metadata"],
    filters: { id: paymentCollectionId },
  })
  const items = ((data[0] as { cart?: { items?: Line[] } } | undefined)?.cart?.items ?? []) as Line[]
  const lines = items.map((l) => ({ title: l?.title ?? "item", variant_metadata: l?.variant?.metadata ?? null, product_metadata: l?.product?.metadata ?? null }))
  return intervalOfCart(lines, subscriptionsOf(req).options.subscription_allow_mixed_cart)
}

import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { majorToMinor } from "../../../rules/money/major-to-minor"
import { copyAddress, renewalOrderMismatch } from "../../../subscriptions/renewal-order-copy"
import { SUBSCRIPTION_EVENTS } from "../../../subscriptions/subscription-events"
import { INSTANTMERCHANT_SUBSCRIPTIONS } from "../modules/instantmerchant-subscriptions"
import type { InstantMerchantSubscriptionsService } from "../modules/instantmerchant-subscriptions/service"
import { CARD_PROVIDER } from "../http/provider-ids"

/* eslint-disable @typescript-eslint/no-explicit-any */

type Container = { resolve<T = any>(key: string): T }

export interface RenewalOrderInput {
  subscription_id: string
  result: string
  renewal_id?: string
}

/** What the step did: the order made (or already made), or why none was. */
export interface RenewalOrderResult {
  order_id?: string
  failed?: string
}

/** A renewal order cannot be made: no order, the renewal stands. */
class RenewalOrderRefused extends Error {}

/**
 * For shops that ship goods each period (`subscription_renewal_orders`): a
 * Medusa order for a successful renewal, copied from the first order's items,
 * addresses and shipping method, paid by the renewal's charge (v1's
 * src/subscriptions/renewal-order.ts, the 2.x way).
 *
 * It goes through Medusa's own cart flows (create, shipping method, payment
 * collection, session, complete), so the order looks like any other. The
 * payment session is given the renewal's charge, captured, with the
 * module's updatePaymentSession (a server-side call: the storefront's data
 * cannot carry a charge id, the provider refuses the field), so the
 * provider's authorize sees a charge already made and calls nothing, and the
 * payment module records the capture itself. If today's prices no longer add
 * up to the renewed amount, no order is made.
 *
 * The renewal stands whatever happens here: its money has moved. A failure
 * is logged and emitted (`instantmerchant.subscription.renewal_order_failed`)
 * for the shop to act on; the step never fails the workflow. A re-run for a
 * renewal that has its order makes none, and only the run that renewed
 * (result `renewed`, once per period) makes one at all. A crash between the
 * order and its record on the renewal would leave the renewal without its
 * `order_id`; the order's cart names it (metadata `instantmerchant_renewal_id`).
 */
export const createRenewalOrderStep = createStep("instantmerchant-create-renewal-order", async (input: RenewalOrderInput, { container }) => {
  const subscriptions = container.resolve<InstantMerchantSubscriptionsService>(INSTANTMERCHANT_SUBSCRIPTIONS)
  if (!subscriptions.options.subscription_renewal_orders || input.result !== "renewed" || !input.renewal_id) return new StepResponse<RenewalOrderResult | null>(null)
  const [renewal] = await subscriptions.listInstantmerchantSubscriptionRenewals({ id: input.renewal_id })
  if (!renewal || renewal.status !== "succeeded") return new StepResponse<RenewalOrderResult | null>(null)
  if (renewal.order_id) return new StepResponse<RenewalOrderResult | null>({ order_id: renewal.order_id })
  const subscription = await subscriptions.retrieveInstantmerchantSubscription(input.subscription_id)
  try {
    if (!subscription.order_id) throw new RenewalOrderRefused("the subscription has no first order to copy")
    const orderId = await createRenewalOrder(container, subscription as any, { id: renewal.id, amount: renewal.amount, charge_id: renewal.charge_id })
    // Recorded on the renewal, as v1 does. Not a module link: the subscription–order link allows one order per subscription (Medusa refuses a second).
    await subscriptions.setRenewalOrder(renewal.id, orderId)
    return new StepResponse<RenewalOrderResult | null>({ order_id: orderId })
  } catch (e) {
    const message = (e as Error).message
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`InstantMerchant: renewal ${renewal.id} of ${subscription.id} succeeded, but its order could not be made: ${message}`)
    await container.resolve(Modules.EVENT_BUS).emit({ name: SUBSCRIPTION_EVENTS.renewalOrderFailed, data: { id: subscription.id, renewal_id: renewal.id, message } })
    return new StepResponse<RenewalOrderResult | null>({ failed: message })
  }
})

interface SubscriptionLike {
  id: string
  order_id: string
  card_id: string
  card_last_4: string
  currency_code: string
}

async function createRenewalOrder(container: Container, subscription: SubscriptionLike, renewal: { id: string; amount: number; charge_id: string | null }): Promise<string> {
  if (!renewal.charge_id) throw new RenewalOrderRefused("the renewal has no charge to pay an order with")
  const first = await firstOrder(container, subscription.order_id)
  const { result: cart } = await createCartWorkflow(container as any).run({
    input: {
      region_id: first.region_id,
      email: first.email,
      customer_id: first.customer_id ?? undefined,
      sales_channel_id: first.sales_channel_id ?? undefined,
      currency_code: first.currency_code,
      shipping_address: copyAddress(first.shipping_address) as any,
      billing_address: copyAddress(first.billing_address ?? first.shipping_address) as any,
      items: first.lines,
      metadata: { instantmerchant_renewal_id: renewal.id, instantmerchant_subscription_id: subscription.id },
    },
  })
  const options = (first.shipping_methods ?? []).filter((m: any) => m?.shipping_option_id).map((m: any) => ({ id: m.shipping_option_id, data: m.data ?? {} }))
  if (options.length) await addShippingMethodToCartWorkflow(container as any).run({ input: { cart_id: cart.id, options } })

  const total = await cartTotal(container, cart.id)
  const mismatch = renewalOrderMismatch(renewal.amount, majorToMinor(total, first.currency_code))
  if (mismatch) throw new RenewalOrderRefused(mismatch)

  const { result: collection } = await createPaymentCollectionForCartWorkflow(container as any).run({ input: { cart_id: cart.id } })
  const { result: session } = await createPaymentSessionsWorkflow(container as any).run({
    input: { payment_collection_id: collection.id, provider_id: first.provider_id, customer_id: first.customer_id ?? undefined },
  })
  await container.resolve(Modules.PAYMENT).updatePaymentSession({
    id: session.id,
    amount: session.amount,
    currency_code: session.currency_code,
    data: {
      ...session.data,
      amount: renewal.amount,
      card_id: subscription.card_id,
      card_last_4: subscription.card_last_4,
      charge_id: renewal.charge_id,
      payment_mode: "auth_and_capture",
      captured: true,
      amount_refunded: 0,
      refunds: [],
    },
  })
  const { result: order } = await completeCartWorkflow(container as any).run({ input: { id: cart.id } })
  return order.id
}

/** The first order's parts a renewal order copies, and the provider that took its payment. */
async function firstOrder(container: Container, orderId: string): Promise<any> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: [
      "id", "email", "customer_id", "region_id", "sales_channel_id", "currency_code",
      "items.variant_id", "items.quantity", "items.detail.quantity", "shipping_address.*", "billing_address.*",
      "shipping_methods.shipping_option_id", "shipping_methods.data", "payment_collections.payments.provider_id",
    ],
    filters: { id: orderId },
  })
  if (!order) throw new RenewalOrderRefused(`the subscription's first order ${orderId} was not found`)
  const provider_id = order.payment_collections?.flatMap((c: any) => c?.payments ?? []).find((p: any) => p?.provider_id)?.provider_id ?? CARD_PROVIDER
  return { ...order, provider_id, lines: linesOf(order.items ?? []) }
}

/** The first order's lines as a new cart takes them. The order module keeps a line's quantity in its `detail`. */
function linesOf(items: any[]): Array<{ variant_id: string; quantity: number }> {
  const lines = items.filter(Boolean).map((item) => ({ variant_id: item.variant_id, quantity: Number(quantityOf(item)) }))
  const bad = lines.find((l) => !l.variant_id || !Number.isInteger(l.quantity) || l.quantity <= 0)
  if (bad || !lines.length) throw new RenewalOrderRefused("the first order's lines cannot be copied (a line without its variant or quantity)")
  return lines
}

function quantityOf(item: any): unknown {
  const q = item.quantity ?? item.detail?.quantity
  return q && typeof q === "object" && "numeric" in q ? q.numeric : q
}

async function cartTotal(container: Container, cartId: string): Promise<unknown> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({ entity: "cart", fields: ["id", "total"], filters: { id: cartId } })
  return cart?.total
}

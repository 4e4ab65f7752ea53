import { PaymentSession } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import type { Cradle } from "../config/cradle"
import type { InstantMerchantSubscription } from "../models/instantmerchant-subscription"
import { InstantMerchantSubscriptionRenewal } from "../models/instantmerchant-subscription-renewal"
import { copyAddress, renewalOrderMismatch } from "./renewal-order-copy"
import { SUBSCRIPTION_EVENTS } from "./subscription-events"

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * For shops that ship goods each period (`subscription_renewal_orders`): a
 * Medusa order for a successful renewal, copied from the first order's items,
 * addresses and shipping method, paid by the renewal's charge.
 *
 * It goes through Medusa's own cart and order services, so the order looks
 * like any other. The payment session is marked with the renewal charge
 * (captured), so the processor's authorize and capture see a charge already
 * made and call nothing. If today's prices no longer add up to the renewed
 * amount, no order is made: an order must equal what was charged.
 */
export async function createRenewalOrder(
  cradle: Cradle,
  subscription: InstantMerchantSubscription,
  renewal: InstantMerchantSubscriptionRenewal,
  providerId: string
): Promise<string> {
  const first = await cradle.orderService.retrieve(subscription.order_id, {
    relations: ["items", "shipping_methods", "shipping_address", "billing_address"],
  })
  return cradle.manager.transaction(async (m: EntityManager) => {
    const carts = cradle.cartService.withTransaction(m)
    const cart = await carts.create({
      region_id: first.region_id,
      email: first.email,
      customer_id: first.customer_id,
      sales_channel_id: first.sales_channel_id ?? undefined,
      shipping_address: copyAddress(first.shipping_address),
      billing_address: copyAddress(first.billing_address ?? first.shipping_address),
    })
    const lines = await Promise.all(
      first.items.map((item: any) => cradle.lineItemService.withTransaction(m).generate(item.variant_id, first.region_id, item.quantity))
    )
    await carts.addOrUpdateLineItems(cart.id, lines, { validateSalesChannels: false })
    for (const method of first.shipping_methods) await carts.addShippingMethod(cart.id, method.shipping_option_id, method.data ?? {})

    const priced = await carts.retrieveWithTotals(cart.id)
    const mismatch = renewalOrderMismatch(renewal.amount, priced.total ?? 0)
    if (mismatch) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, mismatch)
    await carts.setPaymentSessions(cart.id)
    await carts.setPaymentSession(cart.id, providerId)
    const withSessions = await carts.retrieve(cart.id, { relations: ["payment_sessions"] })
    const session = withSessions.payment_sessions.find((ps: { provider_id: string }) => ps.provider_id === providerId)
    await (m as EntityManager).getRepository(PaymentSession).update(session.id, {
      data: {
        ...session.data,
        card_id: subscription.card_id,
        card_last_4: subscription.card_last_4,
        charge_id: renewal.charge_id,
        payment_mode: "auth_and_capture",
        captured: true,
        amount_refunded: 0,
        refunds: [],
        subscription_id: subscription.gateway_subscription_id,
        interval: subscription.interval,
      },
    })
    await carts.authorizePayment(cart.id, { renewal_id: renewal.id })
    const orders = cradle.orderService.withTransaction(m)
    const order = await orders.createFromCart(cart.id)
    await orders.capturePayment(order.id)
    return order.id as string
  })
}

/**
 * The renewal's Medusa order, when the shop turned that on. The renewal
 * itself stands whatever happens here: its money has moved. A failure is
 * logged and emitted for the shop to act on.
 */
export async function orderForRenewal(
  cradle: Cradle,
  manager: EntityManager,
  subscription: InstantMerchantSubscription,
  renewal: InstantMerchantSubscriptionRenewal
): Promise<void> {
  try {
    if (!subscription.order_id) throw new Error("the subscription has no first order to copy")
    const provider = (await cradle.orderService.retrieve(subscription.order_id, { relations: ["payments"] })).payments?.[0]?.provider_id ?? "instantmerchant"
    const orderId = await createRenewalOrder(cradle, subscription, renewal, provider)
    await manager.getRepository(InstantMerchantSubscriptionRenewal).update(renewal.id, { order_id: orderId })
    renewal.order_id = orderId
  } catch (e) {
    cradle.logger?.error?.(`InstantMerchant: renewal ${renewal.id} of ${subscription.id} succeeded, but its order could not be made: ${(e as Error).message}`)
    await cradle.eventBusService?.emit(SUBSCRIPTION_EVENTS.renewalOrderFailed, { id: subscription.id, renewal_id: renewal.id, message: (e as Error).message })
  }
}

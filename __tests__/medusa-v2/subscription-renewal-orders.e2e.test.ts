import type { V2Store } from "../../src/demo/medusa-v2/v2-store"
import { majorToMinor } from "../../src/rules/money/major-to-minor"
import { adminCall, eventsOf, eventually, renewalCharges, startSecondInstance, subscribe } from "./support/subscriptions"
import { v2 } from "./support/v2-env"

/**
 * Renewal orders on Medusa 2.x (`subscription_renewal_orders`): a store of
 * the suite's database started here with the option on (the suite's own
 * instance keeps it off), renewed now by an admin. A successful renewal gets
 * a Medusa order copied from the first one, paid by the renewal's charge and
 * charged nothing more; when today's prices no longer add up to the renewed
 * amount, no order and `renewal_order_failed`.
 */
let withOrders: V2Store
beforeAll(async () => {
  withOrders = await startSecondInstance({ renewalOrders: true })
}, 300_000)
afterAll(async () => {
  await withOrders?.stop()
})

async function orderOf(admin: Parameters<typeof adminCall>[0], id: string): Promise<any> {
  const fields = "id,total,currency_code,email,customer_id,*items,*shipping_address,*shipping_methods,*payment_collections,*payment_collections.payments"
  const { status, body } = await adminCall(admin, "GET", `/admin/orders/${id}?fields=${encodeURIComponent(fields)}`)
  expect(status).toBe(200)
  return body.order
}

async function ordersOfCustomer(admin: Parameters<typeof adminCall>[0], customerId: string): Promise<string[]> {
  const { body } = await adminCall(admin, "GET", `/admin/orders?customer_id=${customerId}&fields=id`)
  return (body.orders as Array<{ id: string }>).map((o) => o.id).sort()
}

/** The subscription variant's USD price, in major units, through the admin API. */
async function setSubscriptionPrice(admin: Parameters<typeof adminCall>[0], amount: number): Promise<void> {
  const variantId = v2.seeded.subscription_variant_id
  const { body } = await adminCall(admin, "GET", `/admin/product-variants?id=${variantId}&fields=id,product_id`)
  const productId = body.variants[0].product_id
  const updated = await adminCall(admin, "POST", `/admin/products/${productId}/variants/${variantId}`, { prices: [{ currency_code: "usd", amount }] })
  expect(updated.status).toBe(200)
}

describe("renewal orders on Medusa 2.x (subscription_renewal_orders)", () => {
  it("a renewal now makes one order copied from the first, for exactly the renewed amount, paid by the renewal's charge: one gateway charge", async () => {
    const { subscription, admin, order: first, customerId } = await subscribe()
    const route = `/admin/instantmerchant/subscriptions/${subscription.id}/renew`
    const renewed = await adminCall(admin, "POST", route, { expected_period_end: subscription.current_period_end }, withOrders.url)
    expect(renewed.status).toBe(200)
    expect(renewed.body.renewal).toMatchObject({ status: "succeeded", amount: 2000, order_id: expect.stringMatching(/^order_/) })
    const orderId = renewed.body.renewal.order_id
    expect(orderId).not.toBe(first.id)

    const order = await orderOf(admin, orderId)
    expect(order.currency_code).toBe("usd")
    expect(majorToMinor(order.total, order.currency_code)).toBe(2000)
    expect(order).toMatchObject({ email: subscription.email, customer_id: customerId })
    expect(order.items.map((i: any) => [i.variant_id, Number(i.quantity)])).toEqual([[v2.seeded.subscription_variant_id, 1]])
    expect(order.shipping_address).toMatchObject({ address_1: "1 Main St", postal_code: "37201", country_code: "us" })
    expect(order.shipping_methods.map((m: any) => m.shipping_option_id)).toEqual([v2.seeded.shipping_option_id])
    const payments = order.payment_collections.flatMap((c: any) => c.payments)
    expect(payments).toHaveLength(1)
    expect(payments[0].data).toMatchObject({ charge_id: renewed.body.renewal.charge_id, captured: true, amount: 2000 })
    expect(payments[0].captured_at).toBeTruthy()

    // One charge at the gateway for the renewal: the order charged nothing more.
    expect((await renewalCharges(subscription)).map((c) => c.charge_id)).toEqual([renewed.body.renewal.charge_id])
    // The detail keeps the renewal's order; the renewal order opened no second subscription.
    const detail = await adminCall(admin, "GET", `/admin/instantmerchant/subscriptions/${subscription.id}`)
    expect(detail.body.subscription.renewals.find((r: any) => r.id === renewed.body.renewal.id).order_id).toBe(orderId)
    expect(detail.body.subscription.order_id).toBe(first.id)
    await eventually(async () => {
      const { body } = await adminCall(admin, "GET", `/admin/instantmerchant/subscriptions?customer_id=${customerId}`)
      expect(body.subscriptions.map((s: any) => s.id)).toEqual([subscription.id])
    }, 10_000)

    // The same renewal asked again (the period the admin saw) is refused: no second order, no second charge.
    const again = await adminCall(admin, "POST", route, { expected_period_end: subscription.current_period_end }, withOrders.url)
    expect(again.status).toBe(409)
    expect(await ordersOfCustomer(admin, customerId)).toEqual([first.id, orderId].sort())
    expect(await renewalCharges(subscription)).toHaveLength(1)
  })

  it("when today's prices no longer add up to the renewed amount: the renewal stands, no order, renewal_order_failed", async () => {
    const { subscription, admin, order: first, customerId } = await subscribe()
    await setSubscriptionPrice(admin, 16)
    try {
      const renewed = await adminCall(admin, "POST", `/admin/instantmerchant/subscriptions/${subscription.id}/renew`, {}, withOrders.url)
      expect(renewed.status).toBe(200)
      expect(renewed.body.renewal).toMatchObject({ status: "succeeded", amount: 2000, order_id: null })
      expect((await renewalCharges(subscription)).map((c) => c.charge_id)).toEqual([renewed.body.renewal.charge_id])
      expect(await ordersOfCustomer(admin, customerId)).toEqual([first.id])
      await eventually(async () =>
        expect(eventsOf(subscription.id)).toContainEqual([
          "instantmerchant.subscription.renewal_order_failed",
          { id: subscription.id, renewal_id: renewed.body.renewal.id, message: "The renewal charged 2000 cents, but the first order's items now cost 2100: no renewal order was made" },
        ])
      )
    } finally {
      await setSubscriptionPrice(admin, 15)
    }
  })
})

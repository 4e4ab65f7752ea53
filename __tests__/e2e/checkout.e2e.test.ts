import { admin } from "./support/admin"
import { gateway } from "./support/sandbox-inspector"
import { Shopper, VALID_CARD } from "./support/shopper"

/**
 * A shopper pays on a real Medusa 1.20 server with PostgreSQL, and an admin
 * captures, refunds and cancels; after each step the gateway's books (the
 * sandbox) must match Medusa's.
 */
describe("checkout and the admin's capture, refund and cancel", () => {
  it("a guest pays: the order is authorized for the cart total, with one charge at the gateway", async () => {
    const shopper = new Shopper()
    const cart = await shopper.fillCart({ quantity: 2 })
    expect(cart.total).toBe(2 * 2500 + 500)

    expect((await shopper.selectInstantMerchant()).status).toBe(200)
    const entered = await shopper.enterCard(VALID_CARD)
    expect(entered.status).toBe(200)
    const data = entered.body.cart.payment_session.data
    expect(data).toMatchObject({ amount: 5500, currency_code: "usd", card_last_4: "4242", card_exp_month: 12 })
    expect(data.card_id).toMatch(/^card_/)
    expect(JSON.stringify(entered.body)).not.toContain("4242424242424242")

    const done = await shopper.complete()
    expect(done.status).toBe(200)
    expect(done.body.type).toBe("order")
    const order = done.body.data
    expect(order.payment_status).toBe("awaiting")
    const [payment] = order.payments
    expect(payment.amount).toBe(5500)
    expect(payment.data).toMatchObject({ charge_id: expect.stringMatching(/^cha_/), captured: false, payment_mode: "auth_only" })

    const charges = await gateway.chargesFor(shopper.cartId)
    expect(charges).toHaveLength(1)
    expect(charges[0]).toMatchObject({ charge_id: payment.data.charge_id, amount: 5500, status: "authorized", captured: false })
  })

  it("the admin captures, refunds in parts, and cannot refund more than is left", async () => {
    const order = await new Shopper().buy()
    const chargeId = order.payments[0].data.charge_id
    const api = admin()

    const captured = await api.post(`/admin/orders/${order.id}/capture`)
    expect(captured.status).toBe(200)
    expect(captured.body.order.payment_status).toBe("captured")
    expect(await gateway.charge(chargeId)).toMatchObject({ captured: true, amount_captured: 3000 })

    const partial = await api.post(`/admin/orders/${order.id}/refund`, { amount: 1200, reason: "other" })
    expect(partial.status).toBe(200)
    expect(partial.body.order).toMatchObject({ payment_status: "partially_refunded", refunded_total: 1200 })
    expect(partial.body.order.payments[0].data).toMatchObject({ amount_refunded: 1200, refunds: [{ amount: 1200 }] })

    const over = await api.post(`/admin/orders/${order.id}/refund`, { amount: 1801, reason: "other" })
    expect(over.status).toBe(400)
    const gatewayCharge = await gateway.charge(chargeId)
    expect(gatewayCharge).toMatchObject({ amount_refunded: 1200, status: "partially_refunded" })
    expect((await gateway.list("refunds")).filter((r) => r.charge_id === chargeId)).toHaveLength(1)

    const rest = await api.post(`/admin/orders/${order.id}/refund`, { amount: 1800, reason: "other" })
    expect(rest.status).toBe(200)
    expect(rest.body.order).toMatchObject({ payment_status: "refunded", refunded_total: 3000 })
    expect(await gateway.charge(chargeId)).toMatchObject({ amount_refunded: 3000, status: "refunded" })
  })

  it("capturing twice captures once", async () => {
    const order = await new Shopper().buy()
    const api = admin()
    const captures = async () => (await gateway.list("requests")).filter((r) => r.path === "/api/v2/capture").length
    const before = await captures()
    expect((await api.post(`/admin/orders/${order.id}/capture`)).status).toBe(200)
    // Medusa skips a captured payment, so the second click never reaches the processor or the gateway.
    const again = await api.post(`/admin/orders/${order.id}/capture`)
    expect(again.body.order.payment_status).toBe("captured")
    expect(await captures()).toBe(before + 1)
    expect(await gateway.charge(order.payments[0].data.charge_id)).toMatchObject({ captured: true, amount_captured: 3000 })
  })

  it("canceling an uncaptured order releases the authorization at the gateway", async () => {
    const order = await new Shopper().buy()
    const canceled = await admin().post(`/admin/orders/${order.id}/cancel`)
    expect(canceled.status).toBe(200)
    expect(canceled.body.order).toMatchObject({ status: "canceled", payment_status: "canceled" })
    expect(await gateway.charge(order.payments[0].data.charge_id)).toMatchObject({ status: "released", captured: false, amount_refunded: 3000 })
  })
})

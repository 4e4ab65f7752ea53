import { adminSdk, refusal, sdkClient } from "./support/medusa-sdk"
import { cardData, cartReadyToPay, cents, contactData, orderPayment, payWith, placeOrder } from "./support/checkout"
import { gateway } from "./support/gateway"

/**
 * The gateway moves the money, then its answer is lost (a 500 after
 * processing). Medusa records nothing and the step is run again: the same
 * idempotency key replays the first answer, and the money moves once.
 */
describe("re-running a step after a lost answer on Medusa 2.x", () => {
  it("completing the cart again after a lost charge answer replays the charge instead of charging twice", async () => {
    const shopper = sdkClient()
    const cart = await cartReadyToPay(shopper, "lost-charge@example.com")
    const session = await payWith(shopper, cart, { ...cardData(), ...contactData("lost-charge@example.com") })
    await gateway.injectFault({ path: "/api/v2/charge", type: "500", process: true })
    const lost = await refusal(shopper.store.cart.complete(cart.id))
    expect(lost.message).toContain("may have gone through")
    expect(await gateway.chargesOfSession(session.id)).toHaveLength(1)

    const order = await placeOrder(shopper, cart.id)
    const payment = await orderPayment(await adminSdk(), order.id)
    const charges = await gateway.chargesOfSession(session.id)
    expect(charges.map((c) => c.charge_id)).toEqual([payment.data.charge_id])
    expect(charges[0]).toMatchObject({ amount: 4202, status: "authorized" })
  })

  it("refunding again after a lost refund answer replays the refund instead of refunding twice", async () => {
    const shopper = sdkClient()
    const admin = await adminSdk()
    const cart = await cartReadyToPay(shopper, "lost-refund@example.com")
    await payWith(shopper, cart, { ...cardData(), ...contactData("lost-refund@example.com") })
    const order = await placeOrder(shopper, cart.id)
    const payment = await orderPayment(admin, order.id)
    await admin.admin.payment.capture(payment.id, {})

    await gateway.injectFault({ path: "/api/v2/refund", type: "500", process: true })
    const lost = await refusal(admin.admin.payment.refund(payment.id, { amount: 5 }))
    expect(lost.message).toContain("may have gone through")
    expect(await gateway.refundsOf(payment.data.charge_id)).toHaveLength(1)
    // Medusa deleted its refund record when the provider failed, so the books differ until the admin retries.
    expect((await orderPayment(admin, order.id)).refunds).toEqual([])

    await admin.admin.payment.refund(payment.id, { amount: 5 })
    const refunded = await orderPayment(admin, order.id)
    expect(refunded.refunds.map((r: any) => cents(r.amount))).toEqual([500])
    expect((await gateway.refundsOf(payment.data.charge_id)).map((r) => r.amount)).toEqual([500])
    expect(await gateway.charge(payment.data.charge_id)).toMatchObject({ amount_refunded: 500 })
  })
})

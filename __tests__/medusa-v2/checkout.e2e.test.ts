import { adminSdk, refusal, sdkClient } from "./support/medusa-sdk"
import { cardData, cartReadyToPay, cents, contactData, orderPayment, payWith, placeOrder } from "./support/checkout"
import { gateway } from "./support/gateway"

/**
 * A guest's card checkout on a real Medusa 2.x store, then what the admin
 * does with its payment. After each step, the gateway's books (the sandbox)
 * match Medusa's.
 */
describe("guest card checkout on Medusa 2.x", () => {
  it("authorizes $42.02 (a $37.02 item and $5.00 shipping) as 4202 cents, captures it, refunds in parts, and refuses a refund over the rest", async () => {
    const shopper = sdkClient()
    const admin = await adminSdk()
    const cart = await cartReadyToPay(shopper, "guest-checkout@example.com")
    expect(cart.total).toBe(42.02)

    const session = await payWith(shopper, cart, { ...cardData(), ...contactData("guest-checkout@example.com") })
    expect(session.data).toMatchObject({ card_last_4: "4242", card_exp_month: 12, card_exp_year: 2031, card_number: null, cvc: null, amount: 4202 })
    expect(await gateway.chargesOfSession(session.id)).toEqual([])

    const order = await placeOrder(shopper, cart.id)
    let payment = await orderPayment(admin, order.id)
    const chargeId = payment.data.charge_id
    expect(await gateway.charge(chargeId)).toMatchObject({ amount: 4202, status: "authorized", currency: "usd" })
    expect(payment.amount).toBe(42.02)
    expect(payment.captured_at).toBeNull()

    await admin.admin.payment.capture(payment.id, {})
    payment = await orderPayment(admin, order.id)
    expect(payment.captured_at).not.toBeNull()
    expect(await gateway.charge(chargeId)).toMatchObject({ status: "captured", amount_refunded: 0 })

    await admin.admin.payment.refund(payment.id, { amount: 1.25 })
    await admin.admin.payment.refund(payment.id, { amount: 10 })
    payment = await orderPayment(admin, order.id)
    expect(payment.refunds.map((r: any) => cents(r.amount)).sort((a: number, b: number) => a - b)).toEqual([125, 1000])
    expect((await gateway.refundsOf(chargeId)).map((r) => r.amount).sort((a, b) => a - b)).toEqual([125, 1000])
    expect(await gateway.charge(chargeId)).toMatchObject({ amount_refunded: 1125 })

    // $30.77 is left: $30.78, one cent more, is refused, and the gateway is not called.
    const refundRequests = await gateway.requestCount("/api/v2/refund")
    const over = await refusal(admin.admin.payment.refund(payment.id, { amount: 30.78 }))
    expect(over.status).toBe(400)
    expect(over.message).toMatch(/more than|cannot refund more/i)
    expect(await gateway.charge(chargeId)).toMatchObject({ amount_refunded: 1125 })
    expect(await gateway.requestCount("/api/v2/refund")).toBe(refundRequests)
    expect((await orderPayment(admin, order.id)).refunds).toHaveLength(2)

    await admin.admin.payment.refund(payment.id, { amount: 30.77 })
    expect(await gateway.charge(chargeId)).toMatchObject({ amount_refunded: 4202, status: "refunded" })
  })

  it("releases the authorization at the gateway when the admin cancels the order before capture", async () => {
    const shopper = sdkClient()
    const admin = await adminSdk()
    const cart = await cartReadyToPay(shopper, "guest-cancel@example.com")
    await payWith(shopper, cart, { ...cardData(), ...contactData("guest-cancel@example.com") })
    const order = await placeOrder(shopper, cart.id)
    const payment = await orderPayment(admin, order.id)
    expect(await gateway.charge(payment.data.charge_id)).toMatchObject({ status: "authorized" })

    await admin.admin.order.cancel(order.id)
    const canceled = await orderPayment(admin, order.id)
    expect(canceled.canceled_at).not.toBeNull()
    expect(canceled.data.released).toBe(true)
    expect(await gateway.charge(payment.data.charge_id)).toMatchObject({ status: "released", amount_refunded: 4202 })
  })
})

import { adminSdk, sdkClient } from "./support/medusa-sdk"
import { cardData, cartReadyToPay, contactData, INVOICE_PROVIDER, orderPayment, payWith, placeOrder } from "./support/checkout"
import { gateway } from "./support/gateway"

describe("pay by invoice on Medusa 2.x", () => {
  it("checkout creates a gateway invoice for the order total and charges the card on it; capture and refund act on the invoice", async () => {
    const shopper = sdkClient()
    const admin = await adminSdk()
    const cart = await cartReadyToPay(shopper, "invoice@example.com")
    const session = await payWith(shopper, cart, { ...cardData(), ...contactData("invoice@example.com") }, INVOICE_PROVIDER)
    expect(session.data).toMatchObject({ card_last_4: "4242", card_number: null, cvc: null })
    const order = await placeOrder(shopper, cart.id)

    let payment = await orderPayment(admin, order.id)
    expect(payment.provider_id).toBe(INVOICE_PROVIDER)
    const { invoice_num, charge_id } = payment.data
    const [invoice] = (await gateway.list("invoices")).filter((i) => i.invoice_num === invoice_num)
    expect(invoice).toMatchObject({ description: `Medusa payment session ${session.id}`, items: [{ name: "Order total", price: 4202 }] })
    expect(await gateway.charge(charge_id)).toMatchObject({ amount: 4202, invoice_num, status: "authorized" })

    await admin.admin.payment.capture(payment.id, {})
    expect(await gateway.charge(charge_id)).toMatchObject({ status: "captured" })
    await admin.admin.payment.refund(payment.id, { amount: 2.5 })
    payment = await orderPayment(admin, order.id)
    expect(payment.refunds).toHaveLength(1)
    expect(payment.data).toMatchObject({ amount_refunded: 250 })
    expect(await gateway.charge(charge_id)).toMatchObject({ amount_refunded: 250, status: "partially_refunded" })
    // This charge's refunds only: other files (admin-browser's invoice) refund invoices at the same sandbox.
    expect((await gateway.list("requests")).filter((r) => r.path === "/api/v2/invoice/refund" && r.status === 200 && String(r.idempotency_key).includes(charge_id))).toHaveLength(1)
  })
})

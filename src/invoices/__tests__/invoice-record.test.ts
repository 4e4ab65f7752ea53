import { InvoiceStateError } from "../invoice-errors"
import { afterCapture, afterCharge, afterRefund, afterRelease, assertCapturable, assertChargeable, assertRefundable, InvoiceRecordData, invoiceStatusOf } from "../invoice-record"
import { refusalOf } from "../../rules/__fixtures__/refusal"

const refusal = (fn: () => unknown): string => refusalOf(fn, InvoiceStateError)

const open: InvoiceRecordData = {
  invoice_num: 7, customer_id: "cus_1", order_id: null, cart_id: null, gateway_customer_id: 3, description: "Consulting",
  items: [{ name: "Consulting", price: 5000 }], amount: 5000, currency: "usd", status: "open", charge_id: null, payment_mode: "pay_later",
  card_last_4: null, captured: false, released: false, amount_refunded: 0, refunds: [], sent_at: [], date_due: "01/31/2027",
}
const paid = { ...open, ...afterCharge(open, { charge_id: "cha_a", payment_mode: "auth_and_capture", card_last_4: "4242" }) } as InvoiceRecordData
const authorized = { ...open, ...afterCharge(open, { charge_id: "cha_b", payment_mode: "auth_only", card_last_4: "4242" }) } as InvoiceRecordData


describe("invoice status", () => {
  it.each<[string, Partial<InvoiceRecordData>, string]>([
    ["no charge", {}, "open"],
    ["a charge", { charge_id: "cha_1" }, "paid"],
    ["part refunded", { charge_id: "cha_1", amount_refunded: 1 }, "partially_refunded"],
    ["all refunded", { charge_id: "cha_1", amount_refunded: 5000 }, "refunded"],
    ["released", { charge_id: "cha_1", released: true }, "refunded"],
  ])("%s is %s", (_n, patch, status) => {
    expect(invoiceStatusOf({ ...open, ...patch })).toBe(status)
  })
})

describe("transitions", () => {
  it("a charge with auth_and_capture is paid and captured; auth_only is paid, not captured", () => {
    expect(paid).toMatchObject({ status: "paid", captured: true, charge_id: "cha_a", card_last_4: "4242" })
    expect(authorized).toMatchObject({ status: "paid", captured: false })
    expect({ ...authorized, ...afterCapture(authorized) }).toMatchObject({ captured: true, status: "paid" })
  })

  it("refunds add up, and recording the same refund twice changes nothing", () => {
    const once = { ...paid, ...afterRefund(paid, { refund_id: "ref_1", amount: 2000, created_at: "t" }) }
    expect(once).toMatchObject({ amount_refunded: 2000, status: "partially_refunded" })
    expect(afterRefund(once, { refund_id: "ref_1", amount: 2000, created_at: "t" })).toEqual({})
    expect({ ...once, ...afterRefund(once, { refund_id: "ref_2", amount: 3000, created_at: "t" }) }).toMatchObject({ amount_refunded: 5000, status: "refunded" })
  })

  it("a release counts as refunded", () => {
    expect({ ...authorized, ...afterRelease(authorized) }).toMatchObject({ released: true, status: "refunded" })
  })
})

describe("checks made before the gateway", () => {
  it.each<[string, () => unknown, string]>([
    ["charging an open invoice", () => assertChargeable(open), "accepted"],
    ["charging a paid invoice", () => assertChargeable(paid), "invoice 7 is already paid (charge cha_a)"],
    ["charging a checkout invoice", () => assertChargeable({ ...open, cart_id: "cart_1" }), "pays Medusa cart cart_1"],
    ["capturing an open invoice", () => assertCapturable(open), "is not paid yet"],
    ["capturing a released authorization", () => assertCapturable({ ...authorized, released: true }), "was released"],
    ["refunding what is left", () => assertRefundable(paid, 5000), "accepted"],
    ["refunding one cent more than was paid", () => assertRefundable(paid, 5001), "amount: $50.01 is more than the $50.00 left to refund"],
    ["refunding more than is left", () => assertRefundable({ ...paid, amount_refunded: 4000 }, 1001), "$10.01 is more than the $10.00 left"],
    ["refunding an open invoice", () => assertRefundable(open, 100), "is not paid: there is nothing to refund"],
    ["refunding an uncaptured charge", () => assertRefundable(authorized, 100), "is not captured yet"],
    ["refunding a checkout invoice", () => assertRefundable({ ...paid, cart_id: "cart_1", order_id: "order_1" }, 100), "pays Medusa order order_1"],
  ])("%s", (_n, fn, expected) => {
    expect(refusal(fn)).toContain(expected)
  })

  it("capturing a captured invoice needs no gateway call", () => {
    expect(assertCapturable(paid)).toBe("already_captured")
    expect(assertCapturable(authorized)).toBe("capture")
  })
})

import { checkoutInvoiceRecord, mergedCheckoutMoney } from "../checkout-invoice-record"
import { invoiceModuleOptions } from "../invoice-module-options"

/** A checkout invoice's payment data, as the 2.x invoice provider answers it after authorization. */
const authorized = {
  amount: 4202,
  currency_code: "usd",
  session_id: "payses_01",
  instantmerchant_customer_id: 77,
  card_id: "card_1",
  card_last_4: "4242",
  charge_id: "cha_1",
  invoice_num: 12,
  invoice_date_due: "12/02/2026",
  payment_mode: "auth_only",
  captured: false,
  card_number: null,
  cvc: null,
}
const order = { id: "order_1", customer_id: "cus_1", cart_id: "cart_1" }
const refund = (id: string, amount: number) => ({ refund_id: id, amount, created_at: "2026-12-02T00:00:00.000Z" })

describe("checkoutInvoiceRecord", () => {
  it("reads the record from the payment data: the same description, item and due date the provider sent the gateway", () => {
    expect(checkoutInvoiceRecord(authorized, order)).toEqual({
      invoice_num: 12,
      customer_id: "cus_1",
      order_id: "order_1",
      cart_id: "cart_1",
      gateway_customer_id: 77,
      description: "Medusa payment session payses_01",
      items: [{ name: "Order total", price: 4202 }],
      amount: 4202,
      currency: "usd",
      status: "paid",
      charge_id: "cha_1",
      payment_mode: "auth_only",
      card_last_4: "4242",
      captured: false,
      released: false,
      amount_refunded: 0,
      refunds: [],
      sent_at: [],
      date_due: "12/02/2026",
    })
  })

  it.each([
    ["no invoice (a card provider's payment)", { ...authorized, invoice_num: undefined }],
    ["never authorized", { ...authorized, charge_id: undefined }],
    ["no gateway customer", { ...authorized, instantmerchant_customer_id: undefined }],
  ])("is undefined for data with %s", (_case, data) => {
    expect(checkoutInvoiceRecord(data, order)).toBeUndefined()
  })

  it("a refunded or released payment reads as the gateway counts it", () => {
    expect(checkoutInvoiceRecord({ ...authorized, captured: true, refunds: [refund("ref_1", 202)] }, order)).toMatchObject({ status: "partially_refunded", amount_refunded: 202 })
    expect(checkoutInvoiceRecord({ ...authorized, captured: true, refunds: [refund("ref_1", 4202)] }, order)).toMatchObject({ status: "refunded", amount_refunded: 4202 })
    expect(checkoutInvoiceRecord({ ...authorized, released: true }, order)).toMatchObject({ status: "refunded", released: true, amount_refunded: 0 })
  })

  it("data from before the provider kept date_due is dated the day it is recorded (UTC)", () => {
    const { invoice_date_due: _gone, ...older } = authorized
    expect(checkoutInvoiceRecord(older, order, new Date("2026-03-04T23:59:00Z"))!.date_due).toBe("03/04/2026")
  })

  it("ignores a malformed date_due in the data", () => {
    expect(checkoutInvoiceRecord({ ...authorized, invoice_date_due: "2026-12-02" }, order, new Date("2026-01-05T10:00:00Z"))!.date_due).toBe("01/05/2026")
  })
})

describe("mergedCheckoutMoney", () => {
  const base = checkoutInvoiceRecord(authorized, order)!
  const read = (data: Record<string, unknown>) => checkoutInvoiceRecord({ ...authorized, ...data }, order)!

  it("adds what a newer reading shows: the capture, then each refund once", () => {
    const captured = { ...base, ...mergedCheckoutMoney(base, read({ captured: true })) }
    expect(captured).toMatchObject({ captured: true, status: "paid" })
    const once = { ...captured, ...mergedCheckoutMoney(captured, read({ captured: true, refunds: [refund("ref_1", 250)] })) }
    expect(once).toMatchObject({ amount_refunded: 250, status: "partially_refunded" })
    const twice = { ...once, ...mergedCheckoutMoney(once, read({ captured: true, refunds: [refund("ref_1", 250)] })) }
    expect(twice).toMatchObject({ amount_refunded: 250, refunds: [refund("ref_1", 250)] })
  })

  it("a stale reading (an event handled late) never rolls the record back", () => {
    const newer = { ...base, ...mergedCheckoutMoney(base, read({ captured: true, refunds: [refund("ref_1", 250), refund("ref_2", 100)] })) }
    const afterStale = { ...newer, ...mergedCheckoutMoney(newer, read({ captured: false, refunds: [refund("ref_1", 250)] })) }
    expect(afterStale).toMatchObject({ captured: true, amount_refunded: 350, refunds: [refund("ref_1", 250), refund("ref_2", 100)], status: "partially_refunded" })
  })

  it("readings in either order end in the same record", () => {
    const a = read({ captured: true, refunds: [refund("ref_1", 250)] })
    const b = read({ captured: true, refunds: [refund("ref_1", 250), refund("ref_2", 3952)] })
    const ab = { ...base, ...mergedCheckoutMoney(base, a) }
    const ba = { ...base, ...mergedCheckoutMoney(base, b) }
    expect({ ...ab, ...mergedCheckoutMoney(ab, b) }).toEqual({ ...ba, ...mergedCheckoutMoney(ba, a) })
    expect({ ...ab, ...mergedCheckoutMoney(ab, b) }).toMatchObject({ status: "refunded", amount_refunded: 4202 })
  })

  it("a release marks the record refunded, and keeps the order it learned", () => {
    const orphan = { ...base, order_id: null }
    expect(mergedCheckoutMoney(orphan, read({ released: true }))).toMatchObject({ released: true, status: "refunded", order_id: "order_1" })
  })
})

describe("invoiceModuleOptions", () => {
  const credentials = { api_key: "key", api_secret: "secret", base_url: "http://127.0.0.1:4010/api/v2" }

  it("reads the provider's options, and leaves the subscription options and Medusa's own (database) to others", () => {
    const options = invoiceModuleOptions({ ...credentials, invoice_to_staff: "ops", subscription_retry_hours: "24,48", use_sandbox_clock: true, database: { clientUrl: "postgres://x" } })
    expect(options).toMatchObject({ api_key: "key", invoice_to_staff: "ops", base_url: "http://127.0.0.1:4010/api/v2" })
    expect(options).not.toHaveProperty("subscription_retry_hours")
  })

  it("refuses a bad option naming it, never quoting the secret", () => {
    expect(() => invoiceModuleOptions({ ...credentials, api_secret: 42, invoice_due_days: 900 })).toThrow(/invoice_due_days must be an integer from 0 to 365/)
    expect(() => invoiceModuleOptions({ ...credentials, api_key: "" })).toThrow(/api_key is required/)
    const refusal = (() => {
      try {
        invoiceModuleOptions({ ...credentials, api_secret: "s3cr3t-value", timeout_ms: "soon" })
      } catch (e) {
        return String(e)
      }
      return "accepted"
    })()
    expect(refusal).toMatch(/timeout_ms/)
    expect(refusal).not.toContain("s3cr3t-value")
  })
})

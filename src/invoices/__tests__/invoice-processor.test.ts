import { PaymentSessionStatus } from "@medusajs/medusa"
import { startSandbox, Sandbox } from "../../sandbox"
import InstantMerchantInvoiceProviderService from "../../services/instantmerchant-invoice-provider"
import { InMemoryCheckoutLookup } from "../../checkout/__fixtures__/in-memory-checkout-lookup"
import { CheckoutLineItem } from "../../checkout/checkout-lookup"
import { dueDate } from "../../rules/invoice/due-date"
import { InMemoryInvoiceRecords } from "../__fixtures__/in-memory-invoice-records"

/**
 * The invoice processor against the real sandbox over HTTP, the Medusa side
 * in memory. The end-to-end suite runs the same on a real Medusa server.
 */

const CVC = "987"
const card = (number = "4242424242424242") => ({ cardholder_name: "Jim Doe", card_number: number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, cvc: CVC })
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined }
const produced: unknown[] = []

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: "pk_test", apiSecret: "sk_test_secret" })
})
afterAll(async () => {
  await sandbox?.close()
})
beforeEach(() => sandbox.controls.reset())

function setup(options: Record<string, unknown> = {}) {
  const lookup = new InMemoryCheckoutLookup()
  const records = new InMemoryInvoiceRecords()
  const processor = new InstantMerchantInvoiceProviderService(
    {},
    { api_key: "pk_test", api_secret: "sk_test_secret", base_url: sandbox.apiBaseUrl, max_retries: 1, timeout_ms: 2000, ...options },
    { lookup, records, logger: silent }
  )
  return { lookup, records, processor }
}

const item = (id: string, title: string, subtotal: number, discount_total = 0, tax_total = 0, quantity = 1): CheckoutLineItem => ({
  id, title, quantity, subtotal, discount_total, tax_total, total: subtotal - discount_total + tax_total, variant_id: null, variant_metadata: null, product_metadata: null,
})

/** A cart of two lines (one discounted), $5 shipping and tax, as Medusa totals it. */
function addCart(env: ReturnType<typeof setup>, extra: { shipping?: number; giftCard?: number; amount?: number } = {}) {
  const items = [item("i1", "T-shirt", 5000, 500, 360, 2), item("i2", "Mug", 1200, 0, 96)]
  const shipping = extra.shipping ?? 500
  const total = 4500 + 1200 + 456 + shipping - (extra.giftCard ?? 0)
  const { cart, session } = env.lookup.addCart({ amount: extra.amount ?? total, items, providerId: "instantmerchant-invoice" })
  Object.assign(cart, { shipping_total: shipping, gift_card_total: extra.giftCard ?? 0, total })
  return { cart, session, total }
}

async function authorize(env: ReturnType<typeof setup>, cartOptions: Parameters<typeof addCart>[1] = {}) {
  const { cart, session, total } = addCart(env, cartOptions)
  const entered = await env.processor.updatePaymentData(session.id, card())
  produced.push(entered)
  if ("error" in entered) throw new Error(String(entered.error))
  env.lookup.store(session.id, entered)
  const auth = await env.processor.authorizePayment({ ...session.data }, { cart_id: cart.id })
  produced.push(auth)
  return { cart, session, total, auth }
}

const requestsTo = (path: string) => sandbox.controls.list("requests").filter((r: { path: string }) => r.path === `/api/v2/${path}`).length

describe("authorization creates an itemized invoice", () => {
  it("items add up to the session amount, the stored card is charged auth_only, and the record is kept", async () => {
    const env = setup()
    const { auth, total, cart } = await authorize(env)
    if ("error" in auth) throw new Error(auth.error)
    expect(auth.status).toBe(PaymentSessionStatus.AUTHORIZED)
    expect(auth.data).toMatchObject({ amount: total, payment_mode: "auth_only", captured: false, invoice_num: expect.any(Number), charge_id: expect.stringMatching(/^cha_/) })

    const [invoice] = sandbox.controls.list("invoices")
    expect(invoice).toMatchObject({
      invoice_num: auth.data.invoice_num,
      charge_id: auth.data.charge_id,
      customer_id: auth.data.instantmerchant_customer_id,
      amount: total,
      description: `Medusa cart ${cart.id}`,
      date_due: dueDate(new Date(), 0),
      status: "paid",
    })
    expect(invoice.items).toEqual([
      { name: "T-shirt x 2", price: 4500 },
      { name: "Mug", price: 1200 },
      { name: "Shipping", price: 500 },
      { name: "Tax", price: 456 },
    ])
    const [charge] = sandbox.controls.list("charges")
    expect(charge).toMatchObject({ charge_id: auth.data.charge_id, amount: total, payment_mode: "auth_only", invoice_num: invoice.invoice_num })
    expect(requestsTo("charge")).toBe(0)

    expect(env.records.byNum.get(invoice.invoice_num)).toMatchObject({ cart_id: cart.id, amount: total, status: "paid", charge_id: charge.charge_id, captured: false, items: invoice.items })
  })

  it("free shipping drops the shipping item; options set due date, send_now, send_invoice_to and invoice_to_staff", async () => {
    const env = setup({ invoice_due_days: 14, invoice_send_now: true, invoice_send_to: "ap@shop.test", invoice_to_staff: "254", capture: true })
    const { auth } = await authorize(env, { shipping: 0 })
    if ("error" in auth) throw new Error(auth.error)
    expect(auth.data).toMatchObject({ payment_mode: "auth_and_capture", captured: true })
    const [invoice] = sandbox.controls.list("invoices")
    expect(invoice.items.map((i: { name: string }) => i.name)).toEqual(["T-shirt x 2", "Mug", "Tax"])
    expect(invoice).toMatchObject({ date_due: dueDate(new Date(), 14), send_invoice_to: "ap@shop.test", invoice_to_staff: "254" })
    expect(sandbox.controls.list("outbox")).toEqual([expect.objectContaining({ to: "ap@shop.test", kind: "invoice", invoice_num: invoice.invoice_num })])
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ captured: true })
    expect(env.records.byNum.get(invoice.invoice_num)).toMatchObject({ captured: true, sent_at: [expect.any(String)] })
  })

  it.each([
    ["a gift card", { giftCard: 1000 }, "gift_card: a gift card ($10.00) cannot be written on an InstantMerchant invoice"],
    ["a session amount that differs from the items", { amount: 7000 }, "amount: the invoice items add up to $66.56 but the payment is $70.00"],
  ])("refuses %s before any invoice is created", async (_n, cartOptions, message) => {
    const env = setup()
    const { auth } = await authorize(env, cartOptions)
    expect(auth).toMatchObject({ code: "invalid_data", error: expect.stringContaining(message) })
    expect(requestsTo("invoice")).toBe(0)
    expect(sandbox.controls.list("charges")).toHaveLength(0)
    expect(env.records.byNum.size).toBe(0)
  })

  it("a retried authorization replays the same invoice: one invoice, one charge", async () => {
    const env = setup()
    const { cart, session, auth } = await authorize(env)
    if ("error" in auth) throw new Error(auth.error)
    // The retry sees the data as it was before the first answer was stored.
    const again = await env.processor.authorizePayment({ ...session.data }, { cart_id: cart.id })
    expect(again).toMatchObject({ data: { invoice_num: auth.data.invoice_num, charge_id: auth.data.charge_id } })
    expect(sandbox.controls.list("invoices")).toHaveLength(1)
    expect(sandbox.controls.list("charges")).toHaveLength(1)
  })
})

describe("capture, refund and cancel go through the invoice API", () => {
  it("captures with invoice capture, refunds in parts with invoice refund, and the record follows", async () => {
    const env = setup()
    const { auth, total } = await authorize(env)
    if ("error" in auth) throw new Error(auth.error)
    const num = auth.data.invoice_num as number

    const captured = await env.processor.capturePayment(auth.data)
    expect(captured).toMatchObject({ captured: true })
    expect(requestsTo("invoice/capture")).toBe(1)
    expect(requestsTo("capture")).toBe(0)
    expect(env.records.byNum.get(num)).toMatchObject({ captured: true, status: "paid" })

    const first = await env.processor.refundPayment(captured as Record<string, unknown>, 1000)
    const second = await env.processor.refundPayment(first as Record<string, unknown>, total - 1000)
    produced.push(captured, first, second)
    expect(second).toMatchObject({ amount_refunded: total })
    expect(requestsTo("invoice/refund")).toBe(2)
    expect(requestsTo("refund")).toBe(0)
    expect(sandbox.controls.list("invoices")[0]).toMatchObject({ status: "refunded" })
    expect(env.records.byNum.get(num)).toMatchObject({ amount_refunded: total, status: "refunded", refunds: [{ amount: 1000 }, { amount: total - 1000 }] })

    const over = await env.processor.refundPayment(second as Record<string, unknown>, 1)
    expect(over).toMatchObject({ code: "invalid_data", error: expect.stringContaining("amount: $0.01 is more than the $0.00 left") })
    expect(requestsTo("invoice/refund")).toBe(2)
  })

  it("capturing an invoice captured at the gateway already is success, and the record says captured", async () => {
    const env = setup()
    const { auth } = await authorize(env)
    if ("error" in auth) throw new Error(auth.error)
    await env.processor.capturePayment(auth.data)
    env.records.byNum.get(auth.data.invoice_num as number)!.captured = false
    expect(await env.processor.capturePayment(auth.data)).toMatchObject({ captured: true })
    expect(env.records.byNum.get(auth.data.invoice_num as number)).toMatchObject({ captured: true })
  })

  it("cancel releases the authorization; twice is still released", async () => {
    const env = setup()
    const { auth } = await authorize(env)
    if ("error" in auth) throw new Error(auth.error)
    const canceled = await env.processor.cancelPayment(auth.data)
    expect(canceled).toMatchObject({ released: true })
    expect(await env.processor.getPaymentStatus(canceled as Record<string, unknown>)).toBe("canceled")
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ status: "released" })
    expect(sandbox.controls.list("invoices")[0]).toMatchObject({ status: "refunded" })
    expect(env.records.byNum.get(auth.data.invoice_num as number)).toMatchObject({ released: true, status: "refunded" })
    expect(await env.processor.cancelPayment(auth.data)).toMatchObject({ released: true })
  })

  it("a decline at authorization creates no record and reports the decline", async () => {
    const env = setup()
    const { cart, session } = addCart(env)
    env.lookup.store(session.id, (await env.processor.updatePaymentData(session.id, card("4000000000009995"))) as Record<string, unknown>)
    const auth = await env.processor.authorizePayment({ ...session.data }, { cart_id: cart.id })
    expect(auth).toMatchObject({ code: "insufficient_funds", error: "Your card was declined: insufficient funds" })
    expect(env.records.byNum.size).toBe(0)
  })
})

afterAll(() => {
  const text = JSON.stringify(produced)
  expect(text).not.toMatch(/4242424242424242|4000000000009995/)
  expect(text).not.toMatch(new RegExp(`\\b${CVC}\\b`))
})

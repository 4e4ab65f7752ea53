import { eventually } from "../e2e/support/eventually"
import { adminSdk, customerSdk } from "./support/medusa-sdk"
import { cardData, cartReadyToPay, contactData, INVOICE_PROVIDER, orderPayment, payWith, placeOrder, TEST_CVC_ALONE } from "./support/checkout"
import { gateway } from "./support/gateway"
import { V2_ADMIN, v2 } from "./support/v2-env"

/**
 * The invoice records and the admin invoice routes of the 2.x plugin, on a
 * real Medusa 2.x store with PostgreSQL and the sandbox: checkout invoices
 * are recorded from the order's payment, and an admin creates, sends,
 * charges, captures and refunds invoices as on v1. After each step the
 * gateway's books (the sandbox's inspection API) must match the record.
 */

const INVOICES = "/admin/instantmerchant/invoices"
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10)
const requestsTo = async (path: string) => (await gateway.list("requests")).filter((r) => r.path === `/api/v2/${path}`).length
const gatewayInvoice = async (num: number) => {
  const found = (await gateway.list("invoices")).filter((i) => i.invoice_num === num)
  expect(found).toHaveLength(1)
  return found[0]
}

/** The admin REST API over plain HTTP: status and body, whatever the status (the js-sdk throws on a 4xx). */
async function adminApi() {
  const login = await fetch(`${v2.medusaUrl}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(V2_ADMIN) })
  const { token } = (await login.json()) as { token: string }
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${v2.medusaUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as any }
  }
  return { get: (path: string) => call("GET", path), post: (path: string, body?: unknown, headers?: Record<string, string>) => call("POST", path, body, headers) }
}

describe("invoice records of checkout on Medusa 2.x", () => {
  it("an invoice checkout is recorded with its order; capture and refund from the order page update the record, as the gateway's books", async () => {
    const email = `inv-checkout-${Date.now()}@example.com`
    const { sdk: shopper, customerId } = await customerSdk(email)
    const admin = await adminSdk()
    const api = await adminApi()
    const cart = await cartReadyToPay(shopper, email)
    await payWith(shopper, cart, { ...cardData(), ...contactData(email) }, INVOICE_PROVIDER)
    const order = await placeOrder(shopper, cart.id)
    const payment = await orderPayment(admin, order.id)
    const { invoice_num, charge_id } = payment.data

    const recorded = await eventually(async () => {
      const listed = await api.get(`${INVOICES}?order_id=${order.id}`)
      expect(listed.status).toBe(200)
      expect(listed.body.invoices).toHaveLength(1)
      return listed.body.invoices[0]
    })
    // The README's read-only links: the record with its order and customer through query.graph.
    const probe = await api.post("/admin/graph-probe", { entity: "instantmerchant_invoice", fields: ["id", "order.id", "customer.id"], filters: { id: recorded.id } })
    expect(probe.status).toBe(200)
    expect(probe.body.data).toEqual([expect.objectContaining({ id: recorded.id, order: expect.objectContaining({ id: order.id }), customer: expect.objectContaining({ id: customerId }) })])
    expect(recorded).toMatchObject({
      id: expect.stringMatching(/^iminv_/),
      invoice_num,
      charge_id,
      order_id: order.id,
      cart_id: cart.id,
      customer_id: customerId,
      amount: 4202,
      currency: "usd",
      items: [{ name: "Order total", price: 4202 }],
      status: "paid",
      payment_mode: "auth_only",
      captured: false,
      card_last_4: "4242",
      amount_refunded: 0,
      date_due: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/),
    })
    const atGateway = await gatewayInvoice(invoice_num)
    expect(atGateway).toMatchObject({ amount: 4202, customer_id: recorded.gateway_customer_id, description: recorded.description })
    expect(atGateway.date_due).toBe(recorded.date_due)

    // Money on a checkout invoice moves from its order, so the order and the gateway never disagree.
    const refused = await api.post(`${INVOICES}/${invoice_num}/refund`, { amount: 100 })
    expect(refused).toMatchObject({ status: 409, body: { type: "conflict", code: "checkout_invoice" } })

    await admin.admin.payment.capture(payment.id, {})
    await eventually(async () => expect((await api.get(`${INVOICES}/${invoice_num}`)).body.invoice).toMatchObject({ captured: true, status: "paid" }))
    await admin.admin.payment.refund(payment.id, { amount: 2.5 })
    const refunded = await eventually(async () => {
      const { body } = await api.get(`${INVOICES}/${invoice_num}`)
      expect(body.invoice).toMatchObject({ amount_refunded: 250, status: "partially_refunded", refunds: [{ amount: 250, refund_id: expect.any(String) }] })
      return body.invoice
    })
    expect(await gateway.charge(charge_id)).toMatchObject({ amount_refunded: refunded.amount_refunded, status: refunded.status })
  })
})

describe("invoice records of canceled checkouts on Medusa 2.x", () => {
  it("canceling the order releases the invoice's authorization, and the record says so", async () => {
    const email = `inv-cancel-${Date.now()}@example.com`
    const shopper = (await customerSdk(email)).sdk
    const admin = await adminSdk()
    const api = await adminApi()
    const cart = await cartReadyToPay(shopper, email)
    await payWith(shopper, cart, { ...cardData(), ...contactData(email) }, INVOICE_PROVIDER)
    const order = await placeOrder(shopper, cart.id)
    const { invoice_num, charge_id } = (await orderPayment(admin, order.id)).data
    await eventually(async () => expect((await api.get(`${INVOICES}/${invoice_num}`)).body.invoice).toMatchObject({ status: "paid", released: false }))
    await admin.admin.order.cancel(order.id)
    await eventually(async () => expect((await api.get(`${INVOICES}/${invoice_num}`)).body.invoice).toMatchObject({ status: "refunded", released: true, amount_refunded: 0 }))
    expect(await gatewayInvoice(invoice_num)).toMatchObject({ status: "refunded" })
    expect(await gateway.charge(charge_id)).toMatchObject({ status: "released" })
  })
})

describe("admin invoices on Medusa 2.x", () => {
  it("creates, sends, charges, captures and refunds; a second charge and a refund over the rest never reach the gateway; the gateway's books match", async () => {
    const email = `inv-admin-${Date.now()}@example.com`
    const { customerId } = await customerSdk(email)
    const api = await adminApi()
    const customersBefore = (await gateway.list("customers")).length
    const body = {
      customer_id: customerId,
      description: "Consulting, May",
      items: [
        { name: "Consulting (10 h)", price: 15000 },
        { name: "Travel", price: 2550 },
      ],
      date_due: inDays(30),
      send_now: true,
      send_invoice_to: "ap@acme.test",
    }
    const created = await api.post(INVOICES, body)
    expect(created.status).toBe(200)
    const invoice = created.body.invoice
    expect(invoice).toMatchObject({
      id: expect.stringMatching(/^iminv_/),
      customer_id: customerId,
      order_id: null,
      cart_id: null,
      amount: 17550,
      status: "open",
      payment_mode: "pay_later",
      charge_id: null,
      amount_refunded: 0,
      refunds: [],
      items: body.items,
      sent_at: [expect.any(String)],
    })
    const num = invoice.invoice_num
    expect(await gatewayInvoice(num)).toMatchObject({ amount: 17550, customer_id: invoice.gateway_customer_id, status: "open", send_invoice_to: "ap@acme.test" })
    // The customer had no gateway customer: one was made, and the same invoice sent again is created once.
    expect(await gateway.list("customers")).toHaveLength(customersBefore + 1)
    const again = await api.post(INVOICES, body)
    expect(again.body.invoice).toMatchObject({ id: invoice.id, invoice_num: num })
    expect((await gateway.list("invoices")).filter((i) => i.customer_id === invoice.gateway_customer_id)).toHaveLength(1)

    const sent = await api.post(`${INVOICES}/${num}/send`)
    expect(sent.status).toBe(200)
    expect(sent.body.invoice.sent_at).toHaveLength(2)

    const card = cardData("4000056655665556")
    const charged = await api.post(`${INVOICES}/${num}/charge`, { ...card, payment_mode: "auth_only" })
    expect(charged.status).toBe(200)
    expect(charged.body.invoice).toMatchObject({ status: "paid", captured: false, payment_mode: "auth_only", card_last_4: "5556", charge_id: expect.stringMatching(/^cha_/) })
    expect(JSON.stringify(charged.body)).not.toContain(card.card_number as string)
    expect(JSON.stringify(charged.body)).not.toMatch(TEST_CVC_ALONE)
    const chargeId = charged.body.invoice.charge_id
    expect(await gateway.charge(chargeId)).toMatchObject({ invoice_num: num, amount: 17550, captured: false })

    const charges = await requestsTo("invoice/charge")
    const twice = await api.post(`${INVOICES}/${num}/charge`, { ...card })
    expect(twice).toMatchObject({ status: 409, body: { type: "conflict", code: "invoice_already_paid", message: expect.stringContaining(`invoice ${num} is already paid`) } })
    expect(await requestsTo("invoice/charge")).toBe(charges)

    const captured = await api.post(`${INVOICES}/${num}/capture`)
    expect(captured.status).toBe(200)
    expect(captured.body.invoice).toMatchObject({ captured: true, status: "paid" })
    expect(await gateway.charge(chargeId)).toMatchObject({ captured: true, amount_captured: 17550 })

    const refunded = await api.post(`${INVOICES}/${num}/refund`, { amount: 2550 })
    expect(refunded.status).toBe(200)
    expect(refunded.body.invoice).toMatchObject({ status: "partially_refunded", amount_refunded: 2550, refunds: [{ amount: 2550, refund_id: expect.stringMatching(/^ref_/) }] })
    expect(await gatewayInvoice(num)).toMatchObject({ status: "partially_refunded" })

    const refunds = await requestsTo("invoice/refund")
    const over = await api.post(`${INVOICES}/${num}/refund`, { amount: 15001 })
    expect(over).toMatchObject({ status: 400, body: { type: "invalid_data", message: "amount: $150.01 is more than the $150.00 left to refund" } })
    expect(await requestsTo("invoice/refund")).toBe(refunds)

    const rest = await api.post(`${INVOICES}/${num}/refund`, { amount: 15000 })
    expect(rest.body.invoice).toMatchObject({ status: "refunded", amount_refunded: 17550 })
    expect(await gateway.charge(chargeId)).toMatchObject({ amount_refunded: 17550, status: "refunded" })

    const listed = await api.get(`${INVOICES}?customer_id=${customerId}&status=refunded&limit=5`)
    expect(listed.status).toBe(200)
    expect(listed.body).toMatchObject({ count: 1, offset: 0, limit: 5 })
    expect(listed.body.invoices.map((i: { invoice_num: number }) => i.invoice_num)).toEqual([num])
  })

  it("two admins refunding one invoice at once take turns under the row lock: each refund moves money once, and the record and the gateway agree", async () => {
    const api = await adminApi()
    const { customerId } = await customerSdk(`inv-race-${Date.now()}@example.com`)
    const created = await api.post(INVOICES, { customer_id: customerId, description: "Race", items: [{ name: "Race", price: 10000 }], date_due: inDays(1) })
    const num = created.body.invoice.invoice_num
    const charged = await api.post(`${INVOICES}/${num}/charge`, cardData())
    expect(charged.status).toBe(200)
    const chargeId = charged.body.invoice.charge_id

    // Two refunds of the same amount: unlocked, both would read "0 refunded", derive one key, and the gateway would refund once while the record counted two.
    const same = await Promise.all([api.post(`${INVOICES}/${num}/refund`, { amount: 3000 }), api.post(`${INVOICES}/${num}/refund`, { amount: 3000 })])
    expect(same.map((r) => r.status)).toEqual([200, 200])
    // Then more than is left, twice at once: only one fits.
    const over = await Promise.all([api.post(`${INVOICES}/${num}/refund`, { amount: 3000 }), api.post(`${INVOICES}/${num}/refund`, { amount: 3000 })])
    expect(over.map((r) => r.status).sort()).toEqual([200, 400])
    const record = (await api.get(`${INVOICES}/${num}`)).body.invoice
    expect(record).toMatchObject({ amount_refunded: 9000, status: "partially_refunded" })
    expect(record.refunds).toHaveLength(3)
    const atGateway = await gateway.refundsOf(chargeId)
    expect(atGateway).toHaveLength(3)
    expect(atGateway.reduce((n, r) => n + r.amount, 0)).toBe(9000)
    expect(await gateway.charge(chargeId)).toMatchObject({ amount_refunded: 9000 })
  })

  it("bad input is a 400 naming the field, before the gateway; a missing invoice is a 404; without an admin, a 401", async () => {
    const api = await adminApi()
    const { customerId } = await customerSdk(`inv-bad-${Date.now()}@example.com`)
    const invoiceCreates = await requestsTo("invoice")
    const badPrice = await api.post(INVOICES, { customer_id: customerId, description: "x", items: [{ name: "a", price: 10.5 }], date_due: inDays(1) })
    expect(badPrice).toMatchObject({ status: 400, body: { type: "invalid_data", message: expect.stringContaining("items[0].price: must be a positive integer number of cents, got 10.5") } })
    const typo = await api.post(INVOICES, { customer_id: customerId, description: "x", items: [{ name: "a", price: 500 }], date_due: inDays(1), ammount: 5 })
    expect(typo).toMatchObject({ status: 400, body: { message: expect.stringContaining("ammount") } })
    const nul = await api.post(INVOICES, { customer_id: customerId, description: "a\u0000b", items: [{ name: "a", price: 500 }], date_due: inDays(1) })
    expect(nul).toMatchObject({ status: 400, body: { message: expect.stringContaining("description: must not contain a NUL character") } })
    const noCustomer = await api.post(INVOICES, { customer_id: "cus_missing", description: "x", items: [{ name: "a", price: 500 }], date_due: inDays(1) })
    expect(noCustomer).toMatchObject({ status: 400, body: { type: "invalid_data", message: "customer_id: no customer cus_missing" } })
    expect(await requestsTo("invoice")).toBe(invoiceCreates)

    const created = await api.post(INVOICES, { customer_id: customerId, description: "Parts", items: [{ name: "Parts", price: 2000 }], date_due: inDays(7) })
    expect(created.status).toBe(200)
    const num = created.body.invoice.invoice_num
    const badAmount = await api.post(`${INVOICES}/${num}/refund`, { amount: "12" })
    expect(badAmount).toMatchObject({ status: 400, body: { message: expect.stringContaining("amount: must be a positive integer number of cents") } })
    const notPaid = await api.post(`${INVOICES}/${num}/refund`, { amount: 100 })
    expect(notPaid).toMatchObject({ status: 409, body: { code: "invoice_not_paid" } })
    const badQuery = await api.get(`${INVOICES}?status=lost`)
    expect(badQuery).toMatchObject({ status: 400, body: { message: expect.stringContaining("status") } })

    const missing = await api.get(`${INVOICES}/999999`)
    expect(missing).toMatchObject({ status: 404, body: { type: "not_found", code: "invoice_not_found", message: "invoice_num: no invoice 999999 was created by this shop" } })
    expect((await api.post(`${INVOICES}/999999/capture`)).status).toBe(404)
    expect((await api.get(`${INVOICES}/abc`)).status).toBe(400)

    const anonymous = await fetch(`${v2.medusaUrl}${INVOICES}`)
    expect(anonymous.status).toBe(401)
  })

  it("a declined card leaves the invoice open and unchanged; another customer's saved card is refused", async () => {
    const api = await adminApi()
    const email = `inv-other-${Date.now()}@example.com`
    const other = await customerSdk(email)
    // The other customer saves a card at checkout.
    const cart = await cartReadyToPay(other.sdk, email)
    await payWith(other.sdk, cart, { ...cardData(), ...contactData(email), save_card: true })
    const order = await placeOrder(other.sdk, cart.id)
    const { card_id } = (await orderPayment(await adminSdk(), order.id)).data

    const { customerId } = await customerSdk(`inv-decline-${Date.now()}@example.com`)
    const created = await api.post(INVOICES, { customer_id: customerId, description: "Parts", items: [{ name: "Parts", price: 2000 }], date_due: inDays(7) })
    const num = created.body.invoice.invoice_num
    const declined = await api.post(`${INVOICES}/${num}/charge`, cardData("4000000000009995"))
    expect(declined).toMatchObject({ status: 422, body: { code: "insufficient_funds", message: "Your card was declined: insufficient funds" } })
    const notTheirs = await api.post(`${INVOICES}/${num}/charge`, { card_id })
    expect(notTheirs).toMatchObject({ status: 400, body: { message: "card_id: is not a saved card of this invoice's customer" } })
    const after = await api.get(`${INVOICES}/${num}`)
    expect(after.body.invoice).toMatchObject({ status: "open", charge_id: null, card_last_4: null, updated_at: created.body.invoice.updated_at })
    expect(await gatewayInvoice(num)).toMatchObject({ status: "open", charge_id: null })
  })
})

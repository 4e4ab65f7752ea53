import { admin } from "./support/admin"
import { gateway } from "./support/sandbox-inspector"
import { Shopper, VALID_CARD } from "./support/shopper"

/**
 * Pay by invoice on a real Medusa 1.20 server with PostgreSQL: checkout with
 * the `instantmerchant-invoice` provider, and the admin invoice routes for
 * phone and B2B sales. After each step the gateway's books (the sandbox)
 * must match the plugin's invoice records.
 */

const INVOICES = "/admin/instantmerchant/invoices"
const requestsTo = async (path: string) => (await gateway.list("requests")).filter((r) => r.path === `/api/v2/${path}`).length
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10)
/** A customer made by the admin, as for a phone sale (Medusa answers 201). */
async function newCustomer(prefix: string): Promise<{ id: string }> {
  const answer = await admin().post("/admin/customers", { email: `${prefix}-${Date.now()}@example.com`, first_name: "Ada", last_name: "Byron", password: "phone-sale-password" })
  if (answer.status !== 201 && answer.status !== 200) throw new Error(`customer create answered ${answer.status}`)
  return answer.body.customer
}
const gatewayInvoice = async (num: number) => {
  const found = (await gateway.list("invoices")).filter((i) => i.invoice_num === num)
  expect(found).toHaveLength(1)
  return found[0]
}

describe("checkout with instantmerchant-invoice", () => {
  it("authorizes through an itemized invoice that adds up to the order total; the admin captures and refunds from the order", async () => {
    const shopper = new Shopper()
    const cart = await shopper.fillCart({ quantity: 2 })
    expect(cart.payment_sessions.map((s: { provider_id: string }) => s.provider_id).sort()).toEqual(["instantmerchant", "instantmerchant-invoice"])
    expect((await shopper.selectInstantMerchant("instantmerchant-invoice")).status).toBe(200)
    const entered = await shopper.enterCard(VALID_CARD, "instantmerchant-invoice")
    expect(entered.status).toBe(200)
    expect(JSON.stringify(entered.body)).not.toContain(VALID_CARD.card_number)
    const done = await shopper.complete()
    expect(done.status).toBe(200)
    expect(done.body.type).toBe("order")
    const order = done.body.data
    const [payment] = order.payments
    expect(payment).toMatchObject({ provider_id: "instantmerchant-invoice", amount: order.total })
    expect(order.total).toBe(5500)
    expect(payment.data).toMatchObject({ invoice_num: expect.any(Number), charge_id: expect.stringMatching(/^cha_/), payment_mode: "auth_only", captured: false })
    const num = payment.data.invoice_num

    const invoice = await gatewayInvoice(num)
    expect(invoice.items).toEqual([
      { name: "Demo T-Shirt x 2", price: 5000 },
      { name: "Shipping", price: 500 },
    ])
    expect(invoice.items.reduce((n: number, i: { price: number }) => n + i.price, 0)).toBe(order.total)
    expect(invoice).toMatchObject({ amount: order.total, charge_id: payment.data.charge_id, status: "paid" })
    expect(await gateway.charge(payment.data.charge_id)).toMatchObject({ invoice_num: num, amount: 5500, status: "authorized" })

    const api = admin()
    const recorded = await api.get(`${INVOICES}/${num}`)
    expect(recorded.status).toBe(200)
    expect(recorded.body.invoice).toMatchObject({ invoice_num: num, order_id: order.id, cart_id: shopper.cartId, amount: 5500, status: "paid", captured: false, items: invoice.items })

    const captures = await requestsTo("invoice/capture")
    const captured = await api.post(`/admin/orders/${order.id}/capture`)
    expect(captured.status).toBe(200)
    expect(captured.body.order.payment_status).toBe("captured")
    expect(await requestsTo("invoice/capture")).toBe(captures + 1)
    expect(await gateway.charge(payment.data.charge_id)).toMatchObject({ captured: true, amount_captured: 5500 })

    const refunded = await api.post(`/admin/orders/${order.id}/refund`, { amount: 1200, reason: "other" })
    expect(refunded.status).toBe(200)
    expect(refunded.body.order).toMatchObject({ payment_status: "partially_refunded", refunded_total: 1200 })
    expect(await gatewayInvoice(num)).toMatchObject({ status: "partially_refunded" })
    expect((await api.get(`${INVOICES}/${num}`)).body.invoice).toMatchObject({ captured: true, amount_refunded: 1200, status: "partially_refunded", refunds: [{ amount: 1200 }] })

    // Its money moves through the order, so the invoice routes leave it alone.
    const refunds = await requestsTo("invoice/refund")
    const direct = await api.post(`${INVOICES}/${num}/refund`, { amount: 100 })
    expect(direct.status).toBe(409)
    expect(direct.body.message).toContain(`pays Medusa order ${order.id}`)
    expect(await requestsTo("invoice/refund")).toBe(refunds)
  })

  it("canceling the order releases the invoice's authorization", async () => {
    const order = await new Shopper().buy(VALID_CARD, {}, "instantmerchant-invoice")
    const num = order.payments[0].data.invoice_num
    expect((await admin().post(`/admin/orders/${order.id}/cancel`)).status).toBe(200)
    expect(await gatewayInvoice(num)).toMatchObject({ status: "refunded" })
    expect(await gateway.charge(order.payments[0].data.charge_id)).toMatchObject({ status: "released" })
    expect((await admin().get(`${INVOICES}/${num}`)).body.invoice).toMatchObject({ released: true, status: "refunded" })
  })
})

describe("admin invoices for phone and B2B sales", () => {
  it("creates, sends, charges with a saved card and refunds; a second charge and an over-refund never reach the gateway", async () => {
    // A registered customer with a gateway customer and a saved card, from an earlier card checkout.
    const shopper = new Shopper()
    const email = `b2b-${Date.now()}@example.com`
    const customerId = await shopper.signUp(email)
    const earlier = await shopper.buy({ ...VALID_CARD, card_number: "5555555555554444", save_card: true }, { email })
    const { card_id, instantmerchant_customer_id } = earlier.payments[0].data
    const api = admin()

    const outbox = (await gateway.list("outbox")).length
    const created = await api.post(INVOICES, {
      customer_id: customerId,
      description: "Consulting, May",
      items: [
        { name: "Consulting (10 h)", price: 15000 },
        { name: "Travel", price: 2550 },
      ],
      date_due: inDays(30),
      send_now: true,
      send_invoice_to: "ap@acme.test",
    })
    expect(created.status).toBe(200)
    const invoice = created.body.invoice
    expect(invoice).toMatchObject({
      invoice_num: expect.any(Number),
      customer_id: customerId,
      gateway_customer_id: instantmerchant_customer_id,
      amount: 17550,
      status: "open",
      payment_mode: "pay_later",
      charge_id: null,
      amount_refunded: 0,
      refunds: [],
      items: [
        { name: "Consulting (10 h)", price: 15000 },
        { name: "Travel", price: 2550 },
      ],
    })
    expect(invoice.id).toMatch(/^iminv_/)
    expect(invoice.sent_at).toHaveLength(1)
    const num = invoice.invoice_num
    expect(await gatewayInvoice(num)).toMatchObject({ amount: 17550, customer_id: instantmerchant_customer_id, status: "open", send_invoice_to: "ap@acme.test" })
    expect((await gateway.list("outbox")).slice(outbox)).toEqual([expect.objectContaining({ to: "ap@acme.test", kind: "invoice", invoice_num: num })])

    const sent = await api.post(`${INVOICES}/${num}/send`)
    expect(sent.status).toBe(200)
    expect(sent.body.invoice.sent_at).toHaveLength(2)
    expect((await gateway.list("outbox")).filter((m) => m.invoice_num === num)).toHaveLength(2)

    const charged = await api.post(`${INVOICES}/${num}/charge`, { card_id })
    expect(charged.status).toBe(200)
    expect(charged.body.invoice).toMatchObject({ status: "paid", captured: true, payment_mode: "auth_and_capture", card_last_4: "4444", charge_id: expect.stringMatching(/^cha_/) })
    expect(await gateway.charge(charged.body.invoice.charge_id)).toMatchObject({ invoice_num: num, amount: 17550, captured: true, card_id })

    const charges = await requestsTo("invoice/charge")
    const twice = await api.post(`${INVOICES}/${num}/charge`, { card_id })
    expect(twice.status).toBe(409)
    expect(twice.body).toMatchObject({ code: "invoice_already_paid", message: expect.stringContaining(`invoice ${num} is already paid`) })
    expect(await requestsTo("invoice/charge")).toBe(charges)

    const refunded = await api.post(`${INVOICES}/${num}/refund`, { amount: 2550 })
    expect(refunded.status).toBe(200)
    expect(refunded.body.invoice).toMatchObject({ status: "partially_refunded", amount_refunded: 2550, refunds: [{ amount: 2550, refund_id: expect.stringMatching(/^ref_/) }] })
    expect(await gatewayInvoice(num)).toMatchObject({ status: "partially_refunded" })

    const refunds = await requestsTo("invoice/refund")
    const over = await api.post(`${INVOICES}/${num}/refund`, { amount: 15001 })
    expect(over.status).toBe(400)
    expect(over.body.message).toBe("amount: $150.01 is more than the $150.00 left to refund")
    expect(await requestsTo("invoice/refund")).toBe(refunds)

    const rest = await api.post(`${INVOICES}/${num}/refund`, { amount: 15000 })
    expect(rest.body.invoice).toMatchObject({ status: "refunded", amount_refunded: 17550 })
    expect(await gateway.charge(charged.body.invoice.charge_id)).toMatchObject({ amount_refunded: 17550, status: "refunded" })

    const listed = await api.get(`${INVOICES}?customer_id=${customerId}&status=refunded&limit=5`)
    expect(listed.status).toBe(200)
    expect(listed.body).toMatchObject({ count: 1, offset: 0, limit: 5 })
    expect(listed.body.invoices.map((i: { invoice_num: number }) => i.invoice_num)).toEqual([num])
  })

  it("makes a gateway customer for a customer who has none, and takes card details that are never stored", async () => {
    const api = admin()
    const customer = await newCustomer("phone")
    const body = {
      customer_id: customer.id,
      description: "Phone order 1001",
      items: [{ name: "Catering", price: 4999 }],
      date_due: inDays(0),
    }
    const noAddress = await api.post(INVOICES, body)
    expect(noAddress.status).toBe(400)
    expect(noAddress.body.message).toContain("address: is required")

    const customers = (await gateway.list("customers")).length
    const created = await api.post(INVOICES, { ...body, address: { address_1: "2 Elm St", city: "Austin", province: "Texas", postal_code: "73301", country_code: "us" } })
    expect(created.status).toBe(200)
    const num = created.body.invoice.invoice_num
    expect(await gateway.list("customers")).toHaveLength(customers + 1)
    const { customer: linked } = await api.must("GET", `/admin/customers/${customer.id}`)
    expect(linked.metadata.instantmerchant_customer_id).toBe(created.body.invoice.gateway_customer_id)
    expect(created.body.invoice.sent_at).toEqual([])

    const card = { ...VALID_CARD, card_number: "4000056655665556", cvc: "7319" }
    const charged = await api.post(`${INVOICES}/${num}/charge`, { ...card, payment_mode: "auth_only" })
    expect(charged.status).toBe(200)
    expect(charged.body.invoice).toMatchObject({ status: "paid", captured: false, payment_mode: "auth_only", card_last_4: "5556" })
    expect(JSON.stringify(charged.body)).not.toContain(card.card_number)
    expect(JSON.stringify(charged.body)).not.toContain(card.cvc)

    const captured = await api.post(`${INVOICES}/${num}/capture`)
    expect(captured.status).toBe(200)
    expect(captured.body.invoice).toMatchObject({ captured: true, status: "paid" })
    expect(await gateway.charge(captured.body.invoice.charge_id)).toMatchObject({ captured: true, amount_captured: 4999 })
    // Already captured: success without a second gateway call.
    const captures = await requestsTo("invoice/capture")
    expect((await api.post(`${INVOICES}/${num}/capture`)).status).toBe(200)
    expect(await requestsTo("invoice/capture")).toBe(captures)
  })

  it("a declined card leaves the invoice open and unchanged", async () => {
    const api = admin()
    const customer = await newCustomer("decline")
    const address = { address_1: "1 Main St", city: "Nashville", province: "TN", postal_code: "37251", country_code: "us" }
    const created = await api.post(INVOICES, { customer_id: customer.id, description: "Parts", items: [{ name: "Parts", price: 2000 }], date_due: inDays(7), address })
    const num = created.body.invoice.invoice_num
    const declined = await api.post(`${INVOICES}/${num}/charge`, { ...VALID_CARD, card_number: "4000000000009995" })
    expect(declined.status).toBe(422)
    expect(declined.body).toMatchObject({ code: "insufficient_funds", message: "Your card was declined: insufficient funds" })
    const after = await api.get(`${INVOICES}/${num}`)
    expect(after.body.invoice).toMatchObject({ status: "open", charge_id: null, card_last_4: null, updated_at: created.body.invoice.updated_at })
    expect(await gatewayInvoice(num)).toMatchObject({ status: "open", charge_id: null })
  })
})

describe("malformed requests are refused with a 400 naming the field, before the gateway", () => {
  let customerId = ""
  let openNum = 0
  beforeAll(async () => {
    const api = admin()
    customerId = (await newCustomer("malformed")).id
    const address = { address_1: "1 Main St", city: "Nashville", province: "TN", postal_code: "37251", country_code: "us" }
    const created = await api.must("POST", INVOICES, { customer_id: customerId, description: "Open", items: [{ name: "Work", price: 1000 }], date_due: inDays(7), address })
    openNum = created.invoice.invoice_num
  })

  const valid = () => ({ customer_id: customerId, description: "Work", items: [{ name: "Work", price: 1000 }], date_due: inDays(7) })

  it.each<[string, () => [string, unknown], string]>([
    ["create without customer", () => [INVOICES, { ...valid(), customer_id: undefined }], "customer_id: is required"],
    ["create for an unknown customer", () => [INVOICES, { ...valid(), customer_id: "cus_nobody" }], "customer_id: no customer cus_nobody"],
    ["create with a decimal price", () => [INVOICES, { ...valid(), items: [{ name: "Work", price: 10.5 }] }], "items[0].price: must be a positive integer number of cents"],
    ["create with items as a string", () => [INVOICES, { ...valid(), items: "Work" }], "items: is required"],
    ["create below $1", () => [INVOICES, { ...valid(), items: [{ name: "Work", price: 50 }] }], "items: must total at least $1.00"],
    ["create with a bad date", () => [INVOICES, { ...valid(), date_due: "31/12/2026" }], "date_due: must be a real date"],
    ["create with send_now as text", () => [INVOICES, { ...valid(), send_now: "yes" }], "send_now: must be true or false"],
    ["create with a bad email", () => [INVOICES, { ...valid(), send_invoice_to: "accounts" }], "send_invoice_to: must be an email address"],
    ["create with a typo", () => [INVOICES, { ...valid(), amount: 1000 }], "amount: is not a field of this request"],
    ["charge with no card", () => [`${INVOICES}/${openNum}/charge`, {}], "card_number: is required"],
    ["charge with a bad card number", () => [`${INVOICES}/${openNum}/charge`, { ...VALID_CARD, card_number: "4242424242424241" }], "card_number: is not a valid card number"],
    ["charge with another customer's card", () => [`${INVOICES}/${openNum}/charge`, { card_id: "card_notmine" }], "card_id: is not a saved card of this invoice's customer"],
    ["charge with a bad payment_mode", () => [`${INVOICES}/${openNum}/charge`, { card_id: "card_a", payment_mode: "pay_later" }], "payment_mode: must be auth_and_capture or auth_only"],
    ["refund a string", () => [`${INVOICES}/${openNum}/refund`, { amount: "100" }], "amount: must be a positive integer number of cents"],
    ["refund without amount", () => [`${INVOICES}/${openNum}/refund`, {}], "amount: is required"],
    ["send with a body", () => [`${INVOICES}/${openNum}/send`, { to: "x@y.z" }], "to: is not a field of this request"],
    ["an invoice number that is not one", () => [`${INVOICES}/abc/send`, {}], "invoice_num: must be a positive whole number"],
  ])("%s", async (_name, request, message) => {
    const [path, body] = request()
    const mutating = ["invoice", "invoice/charge", "invoice/send", "invoice/refund", "customer"]
    const before = await Promise.all(mutating.map(requestsTo))
    const answer = await admin().post(path, body)
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ type: "invalid_data", message: expect.stringContaining(message) })
    expect(JSON.stringify(answer.body)).not.toContain("4242424242424241")
    expect(await Promise.all(mutating.map(requestsTo))).toEqual(before)
  })

  it("an unknown invoice is a 404; a bad list query a 400; without an admin, a 401", async () => {
    expect((await admin().get(`${INVOICES}/99999999`)).status).toBe(404)
    const badQuery = await admin().get(`${INVOICES}?status=void`)
    expect(badQuery.status).toBe(400)
    expect(badQuery.body.message).toContain("status: must be one of open, paid, partially_refunded, refunded")
    const anonymous = await new Shopper().api.get(INVOICES)
    expect(anonymous.status).toBe(401)
  })

  it("refunding an open invoice is refused: nothing was paid", async () => {
    const answer = await admin().post(`${INVOICES}/${openNum}/refund`, { amount: 100 })
    expect(answer.status).toBe(409)
    expect(answer.body.message).toContain("is not paid")
  })
})
